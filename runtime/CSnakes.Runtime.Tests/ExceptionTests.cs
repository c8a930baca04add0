using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class ExceptionTests
{
    [TestMethod]
    public void PythonExceptionCarriesTypeMessageAndTraceback()
    {
        using var message = PyObject.From("bad input 🐍");
        var e = Assert.Throws<PythonInvocationException>(() => Call("raise_value_error", message));
        Assert.AreEqual("ValueError", e.PythonTypeName);
        Assert.AreEqual("bad input 🐍", e.PythonMessage);
        StringAssert.Contains(e.Message, "ValueError: bad input");
        StringAssert.Contains(e.PythonStackTrace, "Traceback (most recent call last)");
        StringAssert.Contains(e.PythonStackTrace, "raise ValueError(message)");
        var last = e.PythonFrames[^1];
        Assert.AreEqual("raise_value_error", last.FunctionName);
        StringAssert.EndsWith(last.FileName, "fixtures.py");
        Assert.IsTrue(last.LineNumber > 0);
        StringAssert.Contains(e.ToString(), "--- Python traceback ---");
        Assert.IsNull(e.InnerException);
    }

    [TestMethod]
    public void CauseBecomesInnerException()
    {
        var e = Assert.Throws<PythonInvocationException>(() => Call("raise_with_cause"));
        Assert.AreEqual("RuntimeError", e.PythonTypeName);
        var inner = Assert.IsInstanceOfType<PythonInvocationException>(e.InnerException);
        Assert.AreEqual("KeyError", inner.PythonTypeName);
        Assert.AreEqual("_inner_failure", inner.PythonFrames[^1].FunctionName);
    }

    [TestMethod]
    public void ContextBecomesInnerExceptionUnlessSuppressed()
    {
        var e = Assert.Throws<PythonInvocationException>(() => Call("raise_with_context"));
        Assert.AreEqual("TypeError", e.PythonTypeName);
        Assert.AreEqual("KeyError", ((PythonInvocationException)e.InnerException!).PythonTypeName);

        var suppressed = Assert.Throws<PythonInvocationException>(() => Call("raise_suppressed_context"));
        Assert.IsNull(suppressed.InnerException);
    }

    [TestMethod]
    public void UserExceptionTypesAreModuleQualified()
    {
        var e = Assert.Throws<PythonInvocationException>(() => Call("raise_custom"));
        Assert.AreEqual("fixtures.CustomError", e.PythonTypeName);
        Assert.AreEqual("custom message", e.PythonMessage);
    }

    [TestMethod]
    public void MissingAttributeAndModuleRaiseClearly()
    {
        var attr = Assert.Throws<PythonInvocationException>(() => Fixtures.GetAttr("no_such_function"));
        Assert.AreEqual("AttributeError", attr.PythonTypeName);
        var module = Assert.Throws<PythonInvocationException>(() => Env.Import("no_such_module_anywhere"));
        Assert.AreEqual("ModuleNotFoundError", module.PythonTypeName);
    }

    [TestMethod]
    public void ErrorsLeaveThePythonErrorStateClean()
    {
        Assert.Throws<PythonInvocationException>(() => Call("raise_custom"));
        using var a = PyObject.From(2L);
        using var b = PyObject.From(3L);
        using var sum = Call("add", a, b);
        Assert.AreEqual(5L, sum.As<long>());
    }
}
