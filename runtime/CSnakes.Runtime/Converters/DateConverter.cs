namespace CSnakes.Runtime.Converters;

/// <summary><c>datetime.date</c> ↔ <see cref="DateOnly"/>. A <c>datetime</c> (a subclass of date) is refused rather than silently losing its time.</summary>
public sealed class DateConverter : PyConverter<DateOnly>
{
    /// <summary>The shared instance.</summary>
    public static readonly DateConverter Instance = new();

    private DateConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(DateOnly value) =>
        StdlibTypes.CallWithInts(StdlibTypes.Date, [value.Year, value.Month, value.Day]);

    /// <inheritdoc/>
    protected internal override DateOnly FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, StdlibTypes.Date) || StdlibTypes.IsInstance(obj, StdlibTypes.DateTime))
        {
            throw ConversionErrors.Expected("datetime.date", obj);
        }

        return new DateOnly((int)StdlibTypes.GetInt(obj, "year"), (int)StdlibTypes.GetInt(obj, "month"), (int)StdlibTypes.GetInt(obj, "day"));
    }
}
