using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>Python's built-in exceptions arrive as the types of BuiltinsModule, catchable by their bases.</summary>
[TestClass]
public sealed class ExceptionHierarchyTests
{
    internal static PyObject CallTypes(string name, params PyObject[] args)
    {
        using var module = Env.Import("exception_types_fixtures");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    internal static void Raise(string className)
    {
        using var name = PyObject.From(className);
        CallTypes("raise_", name).Dispose();
    }

    [TestMethod]
    public void ValueErrorIsBuiltinsValueError()
    {
        var e = Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => Raise("ValueError"));
        Assert.AreEqual("ValueError", e.PythonTypeName);
        Assert.AreEqual("message", e.PythonMessage);
        StringAssert.Contains(e.PythonStackTrace, "raise cls(message)");
        Assert.IsInstanceOfType<PythonInvocationException>(e);
    }

    [TestMethod]
    public void JsonDecodeErrorIsAValueError()
    {
        // json.JSONDecodeError (__module__ json.decoder) has no .NET type of its own: its nearest base's.
        var e = Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => CallTypes("decode_broken_json").Dispose());
        Assert.AreEqual("json.decoder.JSONDecodeError", e.PythonTypeName);
    }

    [TestMethod]
    public void FileNotFoundErrorIsCaughtAsOSError()
    {
        using var path = PyObject.From("/no/such/csnakes/file");
        var e = Assert.Throws<BuiltinsModule.OSError>(() => CallTypes("open_missing", path).Dispose());
        Assert.IsInstanceOfType<BuiltinsModule.FileNotFoundError>(e);
        Assert.AreEqual("FileNotFoundError", e.PythonTypeName);
    }

    [TestMethod]
    public void PythonSubclassOfKeyErrorIsCaughtAsKeyError()
    {
        var e = Assert.ThrowsExactly<BuiltinsModule.KeyError>(() => Raise("Bad"));
        Assert.AreEqual("exception_types_fixtures.Bad", e.PythonTypeName);
        Assert.Throws<BuiltinsModule.LookupError>(() => Raise("Bad"));
    }

    [TestMethod]
    public void ExceptionAndUnregisteredClassesAreThePlainRoot()
    {
        Assert.ThrowsExactly<PythonInvocationException>(() => Raise("Exception"));
        Assert.ThrowsExactly<PythonInvocationException>(() => Raise("BaseException"));
        Assert.ThrowsExactly<PythonInvocationException>(() => Raise("Plain"));
        Assert.ThrowsExactly<PythonInvocationException>(() => Call("raise_custom"));
    }

    [TestMethod]
    public void BaseExceptionSubclassesHaveTheirTypes()
    {
        Assert.ThrowsExactly<BuiltinsModule.KeyboardInterrupt>(() => Raise("KeyboardInterrupt"));
        Assert.ThrowsExactly<BuiltinsModule.SystemExit>(() => Raise("SystemExit"));
        Assert.ThrowsExactly<BuiltinsModule.GeneratorExit>(() => Raise("GeneratorExit"));
    }

    [TestMethod]
    public void ChainedExceptionsAreTypedToo()
    {
        var e = Assert.ThrowsExactly<BuiltinsModule.RuntimeError>(() => CallTypes("raise_with_builtin_cause").Dispose());
        Assert.IsInstanceOfType<BuiltinsModule.KeyError>(e.InnerException);
    }

    [TestMethod]
    public void TheRuntimesOwnErrorsAreTyped()
    {
        using var list = Env.ExecuteExpression("[1, 2]");
        Assert.ThrowsExactly<BuiltinsModule.TypeError>(() => list.PythonHash());
        Assert.ThrowsExactly<BuiltinsModule.ModuleNotFoundError>(() => Env.Import("no_such_module_anywhere"));
        Assert.ThrowsExactly<BuiltinsModule.SyntaxError>(() => Env.Execute("def broken(:\n"));
        Assert.ThrowsExactly<BuiltinsModule.ZeroDivisionError>(() => Env.ExecuteExpression("1 / 0"));
    }

    [TestMethod]
    public void EveryBuiltinTypeExistsInPythonAndDerivesAsItsClassDoes()
    {
        // Asked of the interpreter under test, so the table is checked against each Python version the suite runs on.
        var classes = BuiltinsModule.Classes().Select(c => c.Name).ToArray();
        using var names = new ListConverter<string>(StrConverter.Instance).ToPython(classes);
        using var bases = CallTypes("python_bases", names);
        var pythonBases = new DictConverter<string, string>(StrConverter.Instance, StrConverter.Instance).FromPython(bases);

        var dotnetTypes = typeof(BuiltinsModule).GetNestedTypes().ToDictionary(t => t.Name);
        foreach (string name in classes.Except(["BaseException", "Exception"]))
        {
            var type = dotnetTypes[name];
            string pythonBase = pythonBases[name];
            var expectedBase = pythonBase is "Exception" or "BaseException" ? typeof(PythonInvocationException) : dotnetTypes[pythonBase];
            Assert.AreEqual(expectedBase, type.BaseType, $"{name}'s Python base is {pythonBase}");

            using var className = PyObject.From(name);
            var raised = Assert.Throws<PythonInvocationException>(() => CallTypes("raise_uninitialized", className).Dispose());
            Assert.AreEqual(type, raised.GetType(), $"raising {name}");
        }

        Assert.AreEqual(dotnetTypes.Count, classes.Length - 2, "a nested type without a registration");
    }
}
