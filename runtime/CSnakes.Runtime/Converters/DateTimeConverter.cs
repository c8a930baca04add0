using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// <c>datetime.datetime</c> ↔ <see cref="System.DateTime"/>. A naive datetime is
/// <see cref="DateTimeKind.Unspecified"/>; an aware one is converted to UTC
/// (<see cref="DateTimeKind.Utc"/>). A UTC <see cref="System.DateTime"/> becomes an aware datetime
/// in <c>timezone.utc</c>; any other kind becomes naive. Python has microseconds, .NET 100 ns ticks:
/// sub-microsecond ticks are truncated. Use <see cref="DateTimeOffsetConverter"/> to keep offsets.
/// </summary>
public sealed class DateTimeConverter : PyConverter<DateTime>
{
    /// <summary>The shared instance.</summary>
    public static readonly DateTimeConverter Instance = new();

    private DateTimeConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(DateTime value) =>
        StdlibTypes.CallWithInts(
            StdlibTypes.DateTime,
            [value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, (value.Ticks % TimeSpan.TicksPerSecond) / 10],
            value.Kind == DateTimeKind.Utc ? StdlibTypes.Utc : 0);

    /// <inheritdoc/>
    protected internal override unsafe DateTime FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, StdlibTypes.DateTime))
        {
            throw ConversionErrors.Expected("datetime.datetime", obj);
        }

        nint offset = StdlibTypes.GetAttr(obj, "utcoffset");
        nint delta;
        try
        {
            delta = CPythonApi.PyObject_CallNoArgs(offset);
        }
        finally
        {
            CPythonApi.Py_DecRef(offset);
        }

        if (delta == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            var local = Read(obj, DateTimeKind.Unspecified);
            if (delta == CPythonApi.PyNone)
            {
                return local;
            }

            return DateTime.SpecifyKind(local - TimeDeltaConverter.Instance.FromPythonHandle(delta), DateTimeKind.Utc);
        }
        finally
        {
            CPythonApi.Py_DecRef(delta);
        }
    }

    internal static DateTime Read(nint obj, DateTimeKind kind) =>
        new DateTime(
            (int)StdlibTypes.GetInt(obj, "year"), (int)StdlibTypes.GetInt(obj, "month"), (int)StdlibTypes.GetInt(obj, "day"),
            (int)StdlibTypes.GetInt(obj, "hour"), (int)StdlibTypes.GetInt(obj, "minute"), (int)StdlibTypes.GetInt(obj, "second"),
            kind).AddTicks(StdlibTypes.GetInt(obj, "microsecond") * 10);
}
