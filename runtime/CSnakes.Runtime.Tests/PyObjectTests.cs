using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class PyObjectTests
{
    [TestMethod]
    public void AttributesCanBeReadAndWritten()
    {
        using var bag = Call("make_bag");
        using var label = bag.GetAttr("label");
        Assert.AreEqual("bag", label.As<string>());
        using var newLabel = PyObject.From("renamed");
        bag.SetAttr("label", newLabel);
        using var again = bag.GetAttr("label");
        Assert.AreEqual("renamed", again.As<string>());
        Assert.IsTrue(bag.HasAttr("items"));
        Assert.IsFalse(bag.HasAttr("nope"));
    }

    [TestMethod]
    public void ItemsAndLength()
    {
        using var bag = Call("make_bag");
        using var key = PyObject.From("k");
        using var value = PyObject.From(42L);
        bag.SetItem(key, value);
        using var read = bag.GetItem(key);
        Assert.AreEqual(42L, read.As<long>());
        Assert.AreEqual(1L, bag.Length());
        using var missing = PyObject.From("missing");
        Assert.AreEqual("KeyError", Assert.Throws<PythonInvocationException>(() => bag.GetItem(missing)).PythonTypeName);
    }

    [TestMethod]
    public void CallsWithEveryParameterKind()
    {
        using var kinds = Fixtures.GetAttr("kinds");
        using var a = PyObject.From(1L);
        using var b = PyObject.From(2L);
        using var extra = PyObject.From(3L);
        using var c = PyObject.From("c");
        using var z = PyObject.From("z");
        using var result = kinds.Call([a, b, extra], [new KeywordArg("c", c)], new Dictionary<string, PyObject> { ["z"] = z });
        using var rendered = PyObject.From("");
        Assert.AreEqual("{'a': 1, 'b': 2, 'args': [3], 'c': 'c', 'd': 4, 'kwargs': {'z': 'z'}}", result.Repr());
        var missing = Assert.Throws<PythonInvocationException>(() => kinds.Call([a, b]));
        Assert.AreEqual("TypeError", missing.PythonTypeName);
        StringAssert.Contains(missing.PythonMessage, "'c'");
    }

    [TestMethod]
    public void ManyPositionalArgumentsUseTheHeapPath()
    {
        using var kinds = Fixtures.GetAttr("kinds");
        var args = Enumerable.Range(0, 40).Select(i => PyObject.From((long)i)).ToArray();
        using var c = PyObject.From("c");
        using var result = kinds.Call(args, [new KeywordArg("c", c)]);
        using var key = PyObject.From("args");
        using var rest = result.GetItem(key);
        Assert.AreEqual(38L, rest.Length());
        foreach (var arg in args)
        {
            arg.Dispose();
        }
    }

    [TestMethod]
    public void IterationComparisonAndHashing()
    {
        using var five = PyObject.From(5L);
        using var iterator = Call("count_up", five);
        var items = iterator.AsEnumerable().Select(o => { using (o) { return o.As<long>(); } }).ToArray();
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 4 }, items);

        using var one = PyObject.From(1L);
        using var oneFloat = PyObject.From(1.0);
        using var two = PyObject.From(2L);
        Assert.IsTrue(one.Equals(oneFloat));
        Assert.AreEqual(one.PythonHash(), oneFloat.PythonHash());
        Assert.IsTrue(one.Compare(two, PyObject.ComparisonOperator.LessThan));
        Assert.IsFalse(one.Compare(two, PyObject.ComparisonOperator.GreaterThanOrEqual));
        Assert.IsFalse(one.Is(oneFloat));

        using var list = PyObject.From<IReadOnlyList<long>>([1]);
        Assert.AreEqual("TypeError", Assert.Throws<PythonInvocationException>(() => list.PythonHash()).PythonTypeName);
    }

    [TestMethod]
    public void StrReprAndTypeName()
    {
        using var s = PyObject.From("a'b");
        Assert.AreEqual("a'b", s.ToString());
        Assert.AreEqual("\"a'b\"", s.Repr());
        Assert.AreEqual("str", s.GetPythonTypeName());
        using var bag = Call("make_bag");
        Assert.AreEqual("fixtures.Bag", bag.GetPythonTypeName());
    }

    [TestMethod]
    public void NoneChecks()
    {
        using var none = PyObject.None;
        Assert.IsTrue(none.IsNone());
        Assert.IsFalse(none.IsTruthy());
        using var zero = PyObject.From(0L);
        Assert.IsFalse(zero.IsNone());
    }

    [TestMethod]
    public void DisposeIsIdempotentAndUseAfterDisposeThrows()
    {
        var obj = PyObject.From("x");
        obj.Dispose();
        obj.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => obj.GetAttr("upper"));
        Assert.AreEqual("<disposed PyObject>", obj.ToString());
    }

    [TestMethod]
    public void DroppingTheLastReferenceFreesTheObjectAndImmortalsStayUntouched()
    {
        // Decrements that do not free are done inline; the one that frees must still reach CPython.
        using var weakref = Env.Import("weakref");
        using var refType = weakref.GetAttr("ref");
        var bag = Call("make_bag");
        using var weak = refType.Call([bag]);
        using (var alive = weak.Call())
        {
            Assert.IsFalse(alive.IsNone(), "alive while referenced");
        }

        bag.Dispose();

        using (var dead = weak.Call())
        {
            Assert.IsTrue(dead.IsNone(), "the last reference dropped from .NET freed the object");
        }

        for (int i = 0; i < 10_000; i++)
        {
            PyObject.None.Dispose();
        }
        using var none = PyObject.None;
        Assert.IsTrue(none.IsNone());
    }

    [TestMethod]
    public void ReferencesAreReleasedExactlyOnce()
    {
        using var sys = Env.Import("sys");
        using var getRefCount = sys.GetAttr("getrefcount");
        using var marker = Call("make_bag");
        long Count() { using var c = getRefCount.Call([marker]); return c.As<long>(); }
        long baseline = Count();
        var copies = Enumerable.Range(0, 50).Select(_ => PyObjectConverter.Instance.FromPython(marker)).ToList();
        Assert.AreEqual(baseline + 50, Count());
        copies.ForEach(c => c.Dispose());
        copies.ForEach(c => c.Dispose());
        Assert.AreEqual(baseline, Count());
    }
}
