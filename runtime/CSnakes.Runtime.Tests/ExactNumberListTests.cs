using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// Lists and tuples of exact ints and floats are read without per-item references or dispatch (ExactNumbers); mixed
/// ones fall back to item by item. Either way they must accept and refuse the same values, with the same exceptions.
/// </summary>
[TestClass]
public sealed class ExactNumberListTests
{
    private static readonly ListConverter<long> Ints = new(IntConverter.Instance);
    private static readonly ListConverter<double> Floats = new(FloatConverter.Instance);

    [TestMethod]
    public void LongListsAndTuplesOfIntsReadWhole()
    {
        using var list = Env.ExecuteExpression("list(range(-500, 500)) + [True, False, 2**63 - 1, -2**63]");
        using var tuple = Env.ExecuteExpression("tuple(range(1000))");

        var fromList = Ints.FromPython(list);
        var fromTuple = Ints.FromPython(tuple);

        Assert.AreEqual(1004, fromList.Count);
        Assert.AreEqual(-500L, fromList[0]);
        Assert.AreEqual(499L, fromList[999]);
        CollectionAssert.AreEqual(new[] { 1L, 0L, long.MaxValue, long.MinValue }, fromList.Skip(1000).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 1000).Select(i => (long)i).ToArray(), fromTuple.ToArray());
    }

    [TestMethod]
    public void IndexObjectsAndNumpyStyleScalarsAreAcceptedLikeOneByOne()
    {
        using var list = Env.ExecuteExpression("[type('I', (), {'__index__': lambda self: 7})() for _ in range(100)]");

        Assert.IsTrue(Ints.FromPython(list).All(v => v == 7));
    }

    [TestMethod]
    public void AFloatAmongIntsIsTheSameInvalidCastAsOneByOne()
    {
        using var list = Env.ExecuteExpression("list(range(100)) + [1.5]");

        var error = Assert.ThrowsExactly<InvalidCastException>(() => Ints.FromPython(list));

        StringAssert.Contains(error.Message, "float");
    }

    [TestMethod]
    public void AnIntBeyondSixtyFourBitsIsTheSameOverflowAsOneByOne()
    {
        using var list = Env.ExecuteExpression("list(range(100)) + [2**64]");

        var error = Assert.ThrowsExactly<OverflowException>(() => Ints.FromPython(list));

        StringAssert.Contains(error.Message, "18446744073709551616");
    }

    [TestMethod]
    public void FloatListsTakeIntsAndRefuseStrings()
    {
        using var mixed = Env.ExecuteExpression("[float(i) / 4 for i in range(100)] + [3, True]");
        using var withText = Env.ExecuteExpression("[0.5] * 100 + ['x']");

        var values = Floats.FromPython(mixed);

        Assert.AreEqual(102, values.Count);
        Assert.AreEqual(24.75, values[99]);
        Assert.AreEqual(3.0, values[100]);
        Assert.AreEqual(1.0, values[101]);
        Assert.ThrowsExactly<InvalidCastException>(() => Floats.FromPython(withText));
    }

    [TestMethod]
    public void ShortListsReadTheSame()
    {
        using var list = Env.ExecuteExpression("[1, 2, 3]");

        CollectionAssert.AreEqual(new[] { 1L, 2L, 3L }, Ints.FromPython(list).ToArray());
    }
}
