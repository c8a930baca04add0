using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class TypeSystemClassTests
{
    // What the generator writes for a Python class: a disposable holder of the instance.
    private sealed class Counter(PyObject pythonObject) : IDisposable
    {
        public PyObject PythonObject { get; } = pythonObject;

        public void Dispose() => PythonObject.Dispose();
    }

    private static readonly ClassConverter<Counter> CounterConverter = new("types_classes", "Counter", static o => new Counter(o), static c => c.PythonObject);

    private static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Env.Import("types_classes");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    [TestMethod]
    public void AnInstanceTravelsByReference()
    {
        using var made = Call("make_counter", PyObject.From(5L));
        using var counter = CounterConverter.FromPython(made);
        using var value = counter.PythonObject.GetAttr("value");
        Assert.AreEqual(5L, value.As<long>());

        using var sent = CounterConverter.ToPython(counter);
        using var same = Call("same", sent, made);
        Assert.IsTrue(same.As<bool>(), "the wrapper must hand Python the very instance it holds");
    }

    [TestMethod]
    public void AnotherClassIsAnInvalidCastNamingBothClasses()
    {
        using var other = Call("make_other");
        var error = Assert.ThrowsExactly<InvalidCastException>(() => CounterConverter.FromPython(other, "types_classes.make_other"));
        StringAssert.Contains(error.Message, "types_classes.make_other");
        StringAssert.Contains(error.Message, "'types_classes.Counter'");
        StringAssert.Contains(error.Message, "'types_classes.Other'");
    }

    [TestMethod]
    public void ADisposedWrapperCannotBeSent()
    {
        using var made = Call("make_counter", PyObject.From(1L));
        var counter = CounterConverter.FromPython(made);
        counter.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => CounterConverter.ToPython(counter));
    }
}
