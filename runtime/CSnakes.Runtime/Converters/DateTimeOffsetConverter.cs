using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// An aware <c>datetime.datetime</c> ↔ <see cref="DateTimeOffset"/>, keeping the UTC offset (as a
/// fixed <c>datetime.timezone</c>). A naive datetime has no offset and is an <see cref="InvalidCastException"/>.
/// </summary>
public sealed class DateTimeOffsetConverter : PyConverter<DateTimeOffset>
{
    /// <summary>The shared instance.</summary>
    public static readonly DateTimeOffsetConverter Instance = new();

    private DateTimeOffsetConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(DateTimeOffset value)
    {
        nint offset = TimeDeltaConverter.Instance.ToPythonHandle(value.Offset);
        nint zone;
        try
        {
            nint* args = stackalloc nint[2];
            args[1] = offset;
            zone = CPythonApi.PyObject_VectorcallDict(StdlibTypes.TimeZone, args + 1, 1, 0);
        }
        finally
        {
            CPythonApi.Py_DecRef(offset);
        }

        if (zone == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            DateTime clock = value.DateTime;
            return StdlibTypes.CallWithInts(
                StdlibTypes.DateTime,
                [clock.Year, clock.Month, clock.Day, clock.Hour, clock.Minute, clock.Second, (clock.Ticks % TimeSpan.TicksPerSecond) / 10],
                zone);
        }
        finally
        {
            CPythonApi.Py_DecRef(zone);
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe DateTimeOffset FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, StdlibTypes.DateTime))
        {
            throw ConversionErrors.Expected("datetime.datetime", obj);
        }

        nint method = StdlibTypes.GetAttr(obj, "utcoffset");
        nint delta = CPythonApi.PyObject_CallNoArgs(method);
        CPythonApi.Py_DecRef(method);
        if (delta == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            if (delta == CPythonApi.PyNone)
            {
                throw new InvalidCastException("Expected an aware datetime (with tzinfo) for a DateTimeOffset but got a naive one; use DateTime for naive datetimes.");
            }

            return new DateTimeOffset(DateTimeConverter.Read(obj, DateTimeKind.Unspecified), TimeDeltaConverter.Instance.FromPythonHandle(delta));
        }
        finally
        {
            CPythonApi.Py_DecRef(delta);
        }
    }
}
