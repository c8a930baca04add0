using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>The dynamic API with the .NET types a migrating user reaches for: int, short, byte, float, typed iteration.</summary>
[TestClass]
public sealed class DynamicApiTests
{
    [TestMethod]
    public void TupleWithAnIntAndAString()
    {
        using var tuple = PyObject.From((1, "foo"));

        Assert.AreEqual("(1, 'foo')", tuple.Repr());
        Assert.AreEqual((1, "foo"), tuple.As<(int, string)>());
    }

    [TestMethod]
    public void NarrowIntegersAndSingleRoundTrip()
    {
        using var i = PyObject.From(-7);
        using var s = PyObject.From((short)300);
        using var b = PyObject.From((byte)255);
        using var u = PyObject.From(4_000_000_000u);
        using var f = PyObject.From(2.5f);

        Assert.AreEqual("int", i.GetPythonTypeName());
        Assert.AreEqual(-7, i.As<int>());
        Assert.AreEqual((short)300, s.As<short>());
        Assert.AreEqual((byte)255, b.As<byte>());
        Assert.AreEqual(4_000_000_000u, u.As<uint>());
        Assert.AreEqual("float", f.GetPythonTypeName());
        Assert.AreEqual(2.5f, f.As<float>());
    }

    [TestMethod]
    public void ValuesOutsideTheTypeAreOverflowNotWrapped()
    {
        using var big = PyObject.From(300L);
        using var negative = PyObject.From(-1L);
        using var huge = PyObject.From(1e300);

        var toByte = Assert.ThrowsExactly<OverflowException>(() => big.As<byte>());
        StringAssert.Contains(toByte.Message, "300");
        StringAssert.Contains(toByte.Message, "Byte");
        Assert.ThrowsExactly<OverflowException>(() => negative.As<uint>());
        Assert.ThrowsExactly<OverflowException>(() => huge.As<float>());
    }

    [TestMethod]
    public void TypedIterationIsLazyAndConvertsEachItem()
    {
        using var generator = Env.ExecuteExpression("(i * i for i in range(1, 1000000000))");

        var firstFour = generator.AsEnumerable<long>().Take(4).ToList();

        CollectionAssert.AreEqual(new long[] { 1, 4, 9, 16 }, firstFour);
        using var list = PyObject.From<IReadOnlyList<string>>(["a", "b"]);
        CollectionAssert.AreEqual(new[] { "a", "b" }, list.AsEnumerable(StrConverter.Instance).ToArray());
    }

    [TestMethod]
    public void AsIEnumerableIsLazyLikeAnIterableReturnAndAsIReadOnlyListIsEager()
    {
        // The mapping table's rule in the dynamic API: IEnumerable<T> is Iterable[T] (lazy, any iterable),
        // IReadOnlyList<T> is list[T] (every item converted at once, a generator refused).
        using var generator = Env.ExecuteExpression("(i * i for i in range(1, 1000000000))");
        using var fresh = Env.ExecuteExpression("(i for i in range(3))");

        CollectionAssert.AreEqual(new long[] { 1, 4, 9 }, generator.As<IEnumerable<long>>().Take(3).ToArray());
        Assert.ThrowsExactly<InvalidCastException>(() => fresh.As<IReadOnlyList<long>>());
        CollectionAssert.AreEqual(new long[] { 0, 1, 2 }, fresh.As<IEnumerable<long>>().ToArray());
    }

    [TestMethod]
    public void AnItemOfTheWrongTypeIsAnInvalidCast()
    {
        using var mixed = Env.ExecuteExpression("[1, 'two', 3]");

        Assert.ThrowsExactly<InvalidCastException>(() => mixed.AsEnumerable<long>().ToList());
    }
}
