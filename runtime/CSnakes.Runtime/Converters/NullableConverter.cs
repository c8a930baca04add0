namespace CSnakes.Runtime.Converters;

/// <summary><c>Optional[T]</c> / <c>T | None</c> for value types: <c>None</c> ↔ <see langword="null"/>.</summary>
/// <typeparam name="T">The underlying value type.</typeparam>
public sealed class NullableConverter<T> : NoneOrConverter<T?, T> where T : struct
{
    /// <summary>Wraps the converter for the non-None case.</summary>
    public NullableConverter(PyConverter<T> inner) : base(inner)
    {
    }

    private protected override bool HasValue(T? value, out T inner)
    {
        inner = value.GetValueOrDefault();
        return value.HasValue;
    }

    private protected override T? Wrap(T value) => value;
}
