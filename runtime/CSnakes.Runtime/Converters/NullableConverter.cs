using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary><c>Optional[T]</c> / <c>T | None</c> for value types: <c>None</c> ↔ <see langword="null"/>.</summary>
/// <typeparam name="T">The underlying value type.</typeparam>
public sealed class NullableConverter<T> : PyConverter<T?> where T : struct
{
    private readonly PyConverter<T> _inner;

    /// <summary>Wraps the converter for the non-None case.</summary>
    public NullableConverter(PyConverter<T> inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(T? value) =>
        value is { } v ? _inner.ToPythonHandle(v) : CPythonApi.NewRef(CPythonApi.PyNone);

    /// <inheritdoc/>
    protected internal override T? FromPythonHandle(nint obj) =>
        obj == CPythonApi.PyNone ? null : _inner.FromPythonHandle(obj);
}
