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

    private static readonly DictConverter<string, long> IntDict = new(StrConverter.Instance, IntConverter.Instance);
    private static readonly DictConverter<string, double> FloatDict = new(StrConverter.Instance, FloatConverter.Instance);

    [TestMethod]
    public void StringKeyedDictsOfIntsAndFloatsReadWhole()
    {
        using var ints = Env.ExecuteExpression("{'k%d' % i: i - 50 for i in range(100)} | {'é€😀': 2**63 - 1}");
        using var floats = Env.ExecuteExpression("{'k%d' % i: i / 4 for i in range(100)}");

        var readInts = IntDict.FromPython(ints);
        var readFloats = FloatDict.FromPython(floats);

        Assert.AreEqual(101, readInts.Count);
        Assert.AreEqual(-50L, readInts["k0"]);
        Assert.AreEqual(long.MaxValue, readInts["é€😀"]);
        Assert.AreEqual(24.75, readFloats["k99"]);
    }

    [TestMethod]
    public void DictEntriesOfOtherTypesGoEntryByEntryWithTheSameResults()
    {
        using var withBool = Env.ExecuteExpression("{'a': True, 'b': 2}");
        using var surrogate = Env.ExecuteExpression("{'x\\ud800y': 1}");
        using var intKey = Env.ExecuteExpression("{'a': 1, 2: 3}");
        using var tooBig = Env.ExecuteExpression("{'a': 2**64}");

        Assert.AreEqual(1L, IntDict.FromPython(withBool)["a"]);
        Assert.AreEqual(1L, IntDict.FromPython(surrogate)["x\ud800y"]);
        Assert.ThrowsExactly<InvalidCastException>(() => IntDict.FromPython(intKey));
        Assert.ThrowsExactly<OverflowException>(() => IntDict.FromPython(tooBig));
    }

    [TestMethod]
    public void ListTupleAndFloatLayoutsAreVerifiedForDirectReads()
    {
        // Every default (GIL) 64-bit build from 3.9 on keeps list items, tuple items and a float's value where the
        // direct reads expect them; if a release moves one, this fails instead of the fast path quietly turning off.
        using (GIL.Acquire())
        {
            Assert.IsTrue(ExactNumbers.LayoutVerified);
            Assert.IsTrue(ExactNumbers.ReadsAsciiDirectly, "compact ASCII strs are read without a call");
        }
    }

    [TestMethod]
    public void AsciiAndOtherStrsReadTheSameEitherWay()
    {
        // ASCII items take the direct read, the others the UTF-8 call; both in one list, and interned, empty,
        // one-character (statically allocated on 3.12+) and long ones.
        using var strs = Env.ExecuteExpression("['', 'a', 'x' * 1000, 'café', 'é😀', 'abc' + str(7), '\\x7f', 'int', '\\x80']");
        var result = new ListConverter<string>(StrConverter.Instance).FromPython(strs);

        CollectionAssert.AreEqual(new[] { "", "a", new string('x', 1000), "café", "é😀", "abc7", "\x7f", "int", "\u0080" }, result.ToArray());
    }

    [TestMethod]
    public void TheExactPathTakesExactTypesAndLeavesTheRest()
    {
        using var ints = Env.ExecuteExpression("list(range(10))");
        using var withBool = Env.ExecuteExpression("[1, True]");
        using var floats = Env.ExecuteExpression("(0.5, 1.5)");
        using var dict = Env.ExecuteExpression("{'a': 1.0}");
        using var intsInFloatList = Env.ExecuteExpression("[1.0, 2]");
        using var strings = Env.ExecuteExpression("['a', 'é😀']");
        using var surrogate = Env.ExecuteExpression("['\\ud800']");

        using (GIL.Acquire())
        {
            CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(i => (long)i).ToArray(), ExactNumbers.TryReadInt64(ints.Handle, 10, isList: true)?.ToArray());
            Assert.IsNull(ExactNumbers.TryReadInt64(withBool.Handle, 2, isList: true), "a bool is not an exact int");
            CollectionAssert.AreEqual(new[] { 0.5, 1.5 }, ExactNumbers.TryReadDouble(floats.Handle, 2, isList: false)?.ToArray());
            Assert.IsNull(ExactNumbers.TryReadDouble(intsInFloatList.Handle, 2, isList: true), "an int in a float list goes item by item");
            Assert.AreEqual(1.0, ExactNumbers.TryReadStringKeyed<double>(dict.Handle, 1)!["a"]);
            Assert.IsNull(ExactNumbers.TryReadStringKeyed<long>(dict.Handle, 1), "float values are not ints");
            CollectionAssert.AreEqual(new[] { "a", "é😀" }, ExactNumbers.TryReadStrings(strings.Handle, 2, isList: true)?.ToArray());
            Assert.IsNull(ExactNumbers.TryReadStrings(surrogate.Handle, 1, isList: true), "a lone surrogate has no UTF-8 form");
        }
    }
}

