using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// <c>Optional[T]</c> / <c>T | None</c>: <c>None</c> ↔ <see langword="null"/>, anything else through the converter
/// of <typeparamref name="T"/>. The one implementation behind <see cref="NullableConverter{T}"/> (value types)
/// and <see cref="OptionalConverter{T}"/> (reference types), which exist because C# spells "<typeparamref name="T"/>
/// or null" differently for the two (<see cref="Nullable{T}"/>, or <typeparamref name="T"/> itself).
/// </summary>
/// <typeparam name="TNullable">The .NET type that may be null.</typeparam>
/// <typeparam name="T">The non-null .NET type.</typeparam>
public abstract class NoneOrConverter<TNullable, T> : PyConverter<TNullable>
{
    private readonly PyConverter<T> _inner;

    private protected NoneOrConverter(PyConverter<T> inner) => _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary><see langword="false"/> for null; otherwise the value, as <typeparamref name="T"/>.</summary>
    private protected abstract bool HasValue(TNullable value, out T inner);

    /// <summary><paramref name="value"/> as <typeparamref name="TNullable"/>.</summary>
    private protected abstract TNullable Wrap(T value);

    /// <inheritdoc/>
    protected internal sealed override nint ToPythonHandle(TNullable value) =>
        HasValue(value, out T inner) ? _inner.ToPythonHandle(inner) : CPythonApi.NewRef(CPythonApi.PyNone);

    /// <inheritdoc/>
    protected internal sealed override TNullable FromPythonHandle(nint obj) =>
        obj == CPythonApi.PyNone ? default! : Wrap(_inner.FromPythonHandle(obj));
}
