namespace CSnakes.Runtime.Converters;

/// <summary><c>uuid.UUID</c> ↔ <see cref="Guid"/> (same canonical text, so the same bytes in RFC 4122 order).</summary>
public sealed class UuidConverter : PyConverter<Guid>
{
    /// <summary>The shared instance.</summary>
    public static readonly UuidConverter Instance = new();

    private UuidConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(Guid value) => StdlibTypes.CallWithString(StdlibTypes.Uuid, value.ToString("D"));

    /// <inheritdoc/>
    protected internal override Guid FromPythonHandle(nint obj) =>
        StdlibTypes.IsInstance(obj, StdlibTypes.Uuid) ? Guid.Parse(StdlibTypes.Str(obj)) : throw ConversionErrors.Expected("uuid.UUID", obj);
}
