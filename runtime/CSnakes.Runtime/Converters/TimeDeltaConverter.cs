namespace CSnakes.Runtime.Converters;

/// <summary><c>datetime.timedelta</c> ↔ <see cref="TimeSpan"/> (microsecond precision; beyond TimeSpan's range → <see cref="OverflowException"/>).</summary>
public sealed class TimeDeltaConverter : PyConverter<TimeSpan>
{
    /// <summary>The shared instance.</summary>
    public static readonly TimeDeltaConverter Instance = new();

    private TimeDeltaConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(TimeSpan value)
    {
        long microseconds = value.Ticks / 10;
        long days = Math.DivRem(microseconds, 86_400_000_000L, out long rest);
        return StdlibTypes.CallWithInts(StdlibTypes.TimeDelta, [days, rest / 1_000_000, rest % 1_000_000]);
    }

    /// <inheritdoc/>
    protected internal override TimeSpan FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, StdlibTypes.TimeDelta))
        {
            throw ConversionErrors.Expected("datetime.timedelta", obj);
        }

        checked
        {
            long microseconds = (StdlibTypes.GetInt(obj, "days") * 86_400_000_000L) + (StdlibTypes.GetInt(obj, "seconds") * 1_000_000L) + StdlibTypes.GetInt(obj, "microseconds");
            return TimeSpan.FromTicks(microseconds * 10);
        }
    }
}
