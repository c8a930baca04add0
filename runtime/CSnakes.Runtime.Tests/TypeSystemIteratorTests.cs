using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>IterableConverter (lazy IEnumerable) and GeneratorConverter (IGeneratorIterator) on the interpreter under test.</summary>
[TestClass]
public sealed class TypeSystemIteratorTests
{
    private static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Env.Import("types_iterators");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    private static PyObject Int(long value) => IntConverter.Instance.ToPython(value);

    [TestMethod]
    public void AnIteratorIsEnumeratedLazilyWithoutHoldingTheGil()
    {
        using var n = Int(3);
        using var generator = Call("count_up", n);
        var items = new IterableConverter<long>(IntConverter.Instance, iterator: true, context: "m.count_up").FromPython(generator);
        var seen = new List<long>();
        foreach (var item in items)
        {
            // Between items another thread can take the GIL: the enumerator does not hold it.
            var other = Task.Run(() => { using (GIL.Acquire()) { return item; } });
            Assert.IsTrue(other.Wait(TimeSpan.FromSeconds(30)), "the GIL was held between items");
            seen.Add(other.Result);
        }
        CollectionAssert.AreEqual(new long[] { 0, 1, 2 }, seen);
        Assert.AreEqual(0, items.Count(), "an iterator is single-pass, as in Python");
    }

    [TestMethod]
    public void AnIterableCanBeEnumeratedAgain()
    {
        using var list = Call("a_list");
        var items = new IterableConverter<long>(IntConverter.Instance).FromPython(list);
        Assert.AreEqual(6, items.Sum());
        Assert.AreEqual(6, items.Sum());
    }

    [TestMethod]
    public void ANonIterableIsAnInvalidCastAtTheCallAndABadItemNamesTheFunction()
    {
        using var five = Call("not_iterable");
        var error = Assert.ThrowsExactly<InvalidCastException>(() => new IterableConverter<long>(IntConverter.Instance).FromPython(five, "m.f"));
        StringAssert.Contains(error.Message, "m.f");
        StringAssert.Contains(error.Message, "'int'");

        using var mixed = Call("mixed");
        var items = new IterableConverter<long>(IntConverter.Instance, iterator: true, context: "m.mixed").FromPython(mixed);
        using var enumerator = items.GetEnumerator();
        Assert.IsTrue(enumerator.MoveNext());
        var itemError = Assert.ThrowsExactly<InvalidCastException>(() => enumerator.MoveNext());
        StringAssert.Contains(itemError.Message, "m.mixed");
        StringAssert.Contains(itemError.Message, "'str'");
    }

    [TestMethod]
    public void WritingSendsAListOrAnIterator()
    {
        using var asList = new IterableConverter<long>(IntConverter.Instance).ToPython([1, 2]);
        using var listName = Call("type_name", asList);
        Assert.AreEqual("list", listName.As<string>());
        using var asIterator = new IterableConverter<long>(IntConverter.Instance, iterator: true, context: null).ToPython([1, 2, 3]);
        using var total = Call("consume", asIterator);
        Assert.AreEqual(6, total.As<long>());
    }

    [TestMethod]
    public void AGeneratorSendsAndReturnsAValue()
    {
        using var limit = Int(5);
        using var generator = Call("echo", limit);
        using var iterator = new GeneratorConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance).FromPython(generator);
        Assert.IsTrue(iterator.MoveNext());
        Assert.AreEqual(-1, iterator.Current);
        Assert.AreEqual(20, iterator.Send(10));
        Assert.AreEqual(42, iterator.Send(21));
        Assert.ThrowsExactly<InvalidOperationException>(() => iterator.Return);
        Assert.IsFalse(iterator.MoveNext(), "sending None ends the generator");
        Assert.IsTrue(iterator.IsCompleted);
        Assert.AreEqual(2, iterator.Return);
        Assert.ThrowsExactly<InvalidOperationException>(() => iterator.Send(1));
    }

    [TestMethod]
    public void DisposingAnUnfinishedGeneratorClosesIt()
    {
        using (Call("reset_closed"))
        {
        }
        using var limit = Int(5);
        using var generator = Call("echo", limit);
        var iterator = new GeneratorConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance).FromPython(generator);
        Assert.IsTrue(iterator.MoveNext());
        Assert.AreEqual(2, iterator.Send(1));
        iterator.Dispose();
        using var closed = Call("was_closed");
        CollectionAssert.AreEqual(new[] { "echo" }, closed.As<IReadOnlyList<string>>().ToArray());
        Assert.ThrowsExactly<ObjectDisposedException>(() => iterator.Send(1));
    }

    [TestMethod]
    public void AGeneratorIsAnEnumerableOfItsYields()
    {
        using var n = Int(4);
        using var generator = Call("count_up", n);
        using var iterator = new GeneratorConverter<long, PyObject, PyObject>(IntConverter.Instance, PyObjectConverter.Instance, PyObjectConverter.Instance).FromPython(generator);
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3 }, iterator.ToList());
        Assert.IsTrue(iterator.IsCompleted);
        using var returned = iterator.Return;
        Assert.IsTrue(returned.IsNone());
    }

    [TestMethod]
    public void AListIsNotAGenerator()
    {
        using var list = Call("a_list");
        var error = Assert.ThrowsExactly<InvalidCastException>(() => new GeneratorConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance).FromPython(list, "m.g"));
        StringAssert.Contains(error.Message, "'generator'");
        StringAssert.Contains(error.Message, "'list'");
    }
}
