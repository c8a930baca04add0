namespace CSnakes.Runtime.Converters;

/// <summary><c>datetime.time</c> ↔ <see cref="TimeOnly"/> (microsecond precision; a tzinfo, if any, is ignored).</summary>
public sealed class TimeConverter : PyConverter<TimeOnly>
{
    /// <summary>The shared instance.</summary>
    public static readonly TimeConverter Instance = new();

    private TimeConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(TimeOnly value) =>
        StdlibTypes.CallWithInts(StdlibTypes.Time, [value.Hour, value.Minute, value.Second, (value.Ticks % TimeSpan.TicksPerSecond) / 10]);

    /// <inheritdoc/>
    protected internal override TimeOnly FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, StdlibTypes.Time))
        {
            throw ConversionErrors.Expected("datetime.time", obj);
        }

        return new TimeOnly((int)StdlibTypes.GetInt(obj, "hour"), (int)StdlibTypes.GetInt(obj, "minute"), (int)StdlibTypes.GetInt(obj, "second"))
            .Add(TimeSpan.FromTicks(StdlibTypes.GetInt(obj, "microsecond") * 10));
    }
}
