using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>SetConverter and TupleListConverter on the interpreter under test.</summary>
[TestClass]
public sealed class TypeSystemCollectionTests
{
    private static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Env.Import("types_collections");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    private static string TypeName(PyObject value)
    {
        using var name = Call("type_name", value);
        return name.As<string>();
    }

    [TestMethod]
    public void ASequenceAnnotationReadsWhatPythonCallsASequenceAListAnnotationOnlyListsAndTuples()
    {
        var sequence = new ListConverter<long>(IntConverter.Instance, anySequence: true);
        var list = new ListConverter<long>(IntConverter.Instance);
        using var range = Call("a_range");
        using var squares = Call("squares");
        using var set = Call("a_set");

        CollectionAssert.AreEqual(new long[] { 2, 4, 6 }, sequence.FromPython(range).ToArray());
        CollectionAssert.AreEqual(new long[] { 0, 1, 4 }, sequence.FromPython(squares).ToArray());
        // A set is no sequence, and list[T] keeps its meaning: both are a contradicted annotation.
        Assert.ThrowsExactly<InvalidCastException>(() => sequence.FromPython(set));
        Assert.ThrowsExactly<InvalidCastException>(() => list.FromPython(range));
    }

    [TestMethod]
    public void ACollectionAnnotationReadsAnyIterableCollectionButNotAScalar()
    {
        var collection = new ListConverter<long>(IntConverter.Instance, anySequence: true, anyCollection: true);
        using var set = Call("a_set");
        using var keys = Env.ExecuteExpression("{7: 'a', 8: 'b'}.keys()");
        using var number = PyObject.From(5L);
        using var failing = Env.ExecuteExpression("(1 // (2 - i) for i in range(3))");

        CollectionAssert.AreEquivalent(new long[] { 1, 2, 3 }, collection.FromPython(set).ToArray());
        CollectionAssert.AreEqual(new long[] { 7, 8 }, collection.FromPython(keys).ToArray());
        Assert.ThrowsExactly<InvalidCastException>(() => collection.FromPython(number));
        // An error raised while iterating is Python's own, not a contradicted annotation.
        Assert.AreEqual("ZeroDivisionError", Assert.Throws<PythonInvocationException>(() => collection.FromPython(failing)).PythonTypeName);
    }

    [TestMethod]
    public void SetAndFrozensetReadAsReadOnlySets()
    {
        var converter = new SetConverter<long>(IntConverter.Instance);
        using var set = Call("a_set");
        CollectionAssert.AreEquivalent(new long[] { 1, 2, 3 }, converter.FromPython(set).ToArray());

        using var frozen = Call("a_frozenset");
        var strings = new SetConverter<string>(StrConverter.Instance, frozen: true).FromPython(frozen);
        Assert.IsTrue(strings.SetEquals(["a", "b"]));
    }

    [TestMethod]
    public void WritingMakesASetOrAFrozensetThatPythonCanHash()
    {
        using var set = new SetConverter<long>(IntConverter.Instance).ToPython(new HashSet<long> { 3, 1 });
        Assert.AreEqual("set", TypeName(set));
        using var sorted = Call("sorted_items", set);
        CollectionAssert.AreEqual(new long[] { 1, 3 }, sorted.As<IReadOnlyList<long>>().ToArray());

        using var frozen = new SetConverter<string>(StrConverter.Instance, frozen: true).ToPython(["x", "x", "y"]);
        Assert.AreEqual("frozenset", TypeName(frozen));
        using var hashable = Call("hashable", frozen);
        Assert.IsTrue(hashable.As<bool>());
    }

    [TestMethod]
    public void AListIsNotASet()
    {
        using var list = Call("a_list");
        var error = Assert.ThrowsExactly<InvalidCastException>(() => new SetConverter<long>(IntConverter.Instance).FromPython(list, "m.f"));
        StringAssert.Contains(error.Message, "m.f");
        StringAssert.Contains(error.Message, "'set'");
        StringAssert.Contains(error.Message, "'list'");
    }

    [TestMethod]
    public void AWrongItemTypeInASetNamesTheItemType()
    {
        using var mixed = Call("mixed_set");
        var error = Assert.ThrowsExactly<InvalidCastException>(() => new SetConverter<long>(IntConverter.Instance).FromPython(mixed));
        StringAssert.Contains(error.Message, "'str'");
    }

    [TestMethod]
    public void RegistryKnowsReadOnlySets()
    {
        using var set = Call("a_set");
        Assert.AreEqual(3, set.As<IReadOnlySet<long>>().Count);
        using var back = PyObject.From<IReadOnlySet<long>>(new HashSet<long> { 5 });
        Assert.AreEqual("set", TypeName(back));
    }

    [TestMethod]
    public void VariableTuplesReadTuplesOrListsAndWriteTuples()
    {
        var converter = new TupleListConverter<long>(IntConverter.Instance);
        using var tuple = Call("a_tuple");
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, converter.FromPython(tuple).ToArray());
        using var list = Call("a_list");
        CollectionAssert.AreEqual(new long[] { 1, 2 }, converter.FromPython(list).ToArray());

        using var written = converter.ToPython(Enumerable.Range(0, 4).Select(i => (long)i));
        Assert.AreEqual("tuple", TypeName(written));
        Assert.AreEqual(4, written.Length());
        using var empty = converter.ToPython(Array.Empty<long>());
        Assert.AreEqual("tuple", TypeName(empty));
    }

    [TestMethod]
    public void ASetIsNotAVariableTuple()
    {
        using var set = Call("a_set");
        var error = Assert.ThrowsExactly<InvalidCastException>(() => new TupleListConverter<long>(IntConverter.Instance).FromPython(set));
        StringAssert.Contains(error.Message, "'tuple'");
        StringAssert.Contains(error.Message, "'set'");
    }
}
