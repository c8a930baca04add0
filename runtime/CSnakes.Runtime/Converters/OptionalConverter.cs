namespace CSnakes.Runtime.Converters;

/// <summary><c>Optional[T]</c> / <c>T | None</c> for reference types: <c>None</c> ↔ <see langword="null"/>.</summary>
/// <typeparam name="T">The non-null .NET type.</typeparam>
public sealed class OptionalConverter<T> : NoneOrConverter<T?, T> where T : class
{
    /// <summary>Wraps the converter for the non-None case.</summary>
    public OptionalConverter(PyConverter<T> inner) : base(inner)
    {
    }

    private protected override bool HasValue(T? value, out T inner)
    {
        inner = value!;
        return value is not null;
    }

    private protected override T? Wrap(T value) => value;
}
