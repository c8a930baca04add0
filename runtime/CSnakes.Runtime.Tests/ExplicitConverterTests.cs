using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// The conversions that need no converter lookup (the ones a Native AOT app uses): As/From with a converter the
/// caller built, and From of the common scalars.
/// </summary>
[TestClass]
public sealed class ExplicitConverterTests
{
    [TestMethod]
    public void ListRoundTripsThroughAConverterTheCallerBuilt()
    {
        var converter = new ListConverter<long>(IntConverter.Instance);
        using var list = PyObject.From<IReadOnlyList<long>>([1, 2, 3], converter);

        Assert.AreEqual("[1, 2, 3]", list.Repr());
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, list.As(converter).ToArray());
    }

    [TestMethod]
    public void DictRoundTripsThroughAConverterTheCallerBuilt()
    {
        var converter = new DictConverter<string, double>(StrConverter.Instance, FloatConverter.Instance);
        using var dict = PyObject.From<IReadOnlyDictionary<string, double>>(new Dictionary<string, double> { ["a"] = 1.5 }, converter);

        Assert.AreEqual(1.5, dict.As(converter)["a"]);
    }

    [TestMethod]
    public void WrongPythonTypeIsStillAnInvalidCast()
    {
        using var text = PyObject.From("not a list");

        Assert.ThrowsExactly<InvalidCastException>(() => text.As(new ListConverter<long>(IntConverter.Instance)));
    }

    [TestMethod]
    public void ScalarOverloadsMakeTheMatchingPythonTypes()
    {
        using var text = PyObject.From("x");
        using var number = PyObject.From(7L);
        using var real = PyObject.From(0.25);
        using var flag = PyObject.From(true);

        Assert.AreEqual("x", text.As(StrConverter.Instance));
        Assert.AreEqual(7L, number.As(IntConverter.Instance));
        Assert.AreEqual(0.25, real.As(FloatConverter.Instance));
        Assert.IsTrue(flag.As(BoolConverter.Instance));
        Assert.ThrowsExactly<InvalidCastException>(() => number.As(StrConverter.Instance));
    }
}
