using System.Numerics;
using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class StdlibConverterTests
{
    private static PyObject Get(string name)
    {
        using var module = Env.Import("stdlib_fixtures");
        using var function = module.GetAttr(name);
        return function.Call();
    }

    private static string Repr(PyObject value)
    {
        using var module = Env.Import("stdlib_fixtures");
        using var describe = module.GetAttr("describe");
        using var text = describe.Call([value]);
        return text.As<string>();
    }

    private static T RoundTrip<T>(PyConverter<T> converter, T value)
    {
        using var py = converter.ToPython(value);
        using var back = Call("identity", py);
        return converter.FromPython(back);
    }

    [TestMethod]
    public void NaiveDatetimeIsAnUnspecifiedDateTime()
    {
        using var py = Get("naive");
        var value = DateTimeConverter.Instance.FromPython(py);
        Assert.AreEqual(new DateTime(2024, 2, 29, 13, 45, 30).AddTicks(1234560), value);
        Assert.AreEqual(DateTimeKind.Unspecified, value.Kind);
        Assert.AreEqual(value, RoundTrip(DateTimeConverter.Instance, value));
        using var back = DateTimeConverter.Instance.ToPython(value);
        Assert.AreEqual("datetime.datetime(2024, 2, 29, 13, 45, 30, 123456)", Repr(back));
    }

    [TestMethod]
    public void AwareDatetimeBecomesUtcOrKeepsItsOffset()
    {
        using var py = Get("aware_plus_two");
        var utc = DateTimeConverter.Instance.FromPython(py);
        Assert.AreEqual(DateTimeKind.Utc, utc.Kind);
        Assert.AreEqual(new DateTime(2024, 2, 29, 11, 45, 30, DateTimeKind.Utc).AddTicks(5000), utc);
        var offset = DateTimeOffsetConverter.Instance.FromPython(py);
        Assert.AreEqual(TimeSpan.FromHours(2), offset.Offset);
        Assert.AreEqual(offset, RoundTrip(DateTimeOffsetConverter.Instance, offset));
        using var utcBack = DateTimeConverter.Instance.ToPython(utc);
        StringAssert.Contains(Repr(utcBack), "tzinfo=datetime.timezone.utc");

        using var naive = Get("naive");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => DateTimeOffsetConverter.Instance.FromPython(naive));
        StringAssert.Contains(e.Message, "naive");
    }

    [TestMethod]
    public void DateTimeAndTimeDelta()
    {
        using var date = Get("a_date");
        Assert.AreEqual(new DateOnly(1999, 12, 31), DateConverter.Instance.FromPython(date));
        using var datetime = Get("naive");
        Assert.ThrowsExactly<InvalidCastException>(() => DateConverter.Instance.FromPython(datetime));
        Assert.AreEqual(DateOnly.MaxValue, RoundTrip(DateConverter.Instance, DateOnly.MaxValue));

        using var time = Get("a_time");
        Assert.AreEqual(new TimeOnly(23, 59, 58).Add(TimeSpan.FromTicks(9_999_990)), TimeConverter.Instance.FromPython(time));
        Assert.AreEqual(new TimeOnly(1, 2, 3), RoundTrip(TimeConverter.Instance, new TimeOnly(1, 2, 3)));

        using var delta = Get("a_delta");
        Assert.AreEqual(TimeSpan.FromDays(-3) + TimeSpan.FromHours(5) + TimeSpan.FromTicks(70), TimeDeltaConverter.Instance.FromPython(delta));
        var negative = -TimeSpan.FromTicks(123_456_789_0);
        Assert.AreEqual(negative, RoundTrip(TimeDeltaConverter.Instance, negative));
    }

    [TestMethod]
    public void DecimalIsExactAndOverflowIsReported()
    {
        using var py = Get("a_decimal");
        Assert.AreEqual(12345678901234567890.123456789m, DecimalConverter.Instance.FromPython(py));
        Assert.AreEqual(-0.0000000001m, RoundTrip(DecimalConverter.Instance, -0.0000000001m));
        Assert.AreEqual(decimal.MaxValue, RoundTrip(DecimalConverter.Instance, decimal.MaxValue));
        using var huge = Get("huge_decimal");
        Assert.ThrowsExactly<OverflowException>(() => DecimalConverter.Instance.FromPython(huge));
    }

    [TestMethod]
    public void UuidAndGuidAgree()
    {
        using var py = Get("a_uuid");
        Assert.AreEqual(Guid.Parse("12345678-1234-5678-1234-567812345678"), UuidConverter.Instance.FromPython(py));
        var guid = Guid.NewGuid();
        Assert.AreEqual(guid, RoundTrip(UuidConverter.Instance, guid));
    }

    [TestMethod]
    public void BigIntegersBeyond64Bits()
    {
        using var py = Get("big");
        Assert.AreEqual(BigInteger.Pow(2, 100) + 1, BigIntegerConverter.Instance.FromPython(py));
        var negative = -BigInteger.Pow(3, 90);
        Assert.AreEqual(negative, RoundTrip(BigIntegerConverter.Instance, negative));
        Assert.AreEqual(new BigInteger(42), RoundTrip(BigIntegerConverter.Instance, 42));
    }

    [TestMethod]
    public void WrongTypesNameBothSides()
    {
        using var date = Get("a_date");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => UuidConverter.Instance.FromPython(date));
        StringAssert.Contains(e.Message, "uuid.UUID");
        StringAssert.Contains(e.Message, "datetime.date");
    }
}
