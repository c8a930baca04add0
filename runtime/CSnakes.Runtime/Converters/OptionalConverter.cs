using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary><c>Optional[T]</c> / <c>T | None</c> for reference types: <c>None</c> ↔ <see langword="null"/>.</summary>
/// <typeparam name="T">The non-null .NET type.</typeparam>
public sealed class OptionalConverter<T> : PyConverter<T?> where T : class
{
    private readonly PyConverter<T> _inner;

    /// <summary>Wraps the converter for the non-None case.</summary>
    public OptionalConverter(PyConverter<T> inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(T? value) =>
        value is null ? CPythonApi.NewRef(CPythonApi.PyNone) : _inner.ToPythonHandle(value);

    /// <inheritdoc/>
    protected internal override T? FromPythonHandle(nint obj) =>
        obj == CPythonApi.PyNone ? null : _inner.FromPythonHandle(obj);
}
