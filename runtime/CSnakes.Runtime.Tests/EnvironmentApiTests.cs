using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>The environment's facts about its interpreter, and running Python text through it.</summary>
[TestClass]
public sealed class EnvironmentApiTests
{
    [TestMethod]
    public void FactsAreTheInterpretersOwn()
    {
        // The test process runs the interpreter in a venv made from PythonUnderTest (see TestPython.Start).
        Assert.AreEqual(Path.Combine(Venv, "bin", "python"), Env.ExecutablePath);
        Assert.AreEqual(Path.GetFullPath(Venv), Path.GetFullPath(Env.Prefix));
        Assert.AreEqual(Path.GetFullPath(Venv), Path.GetFullPath(Env.VirtualEnvironment!));
        StringAssert.StartsWith(Env.VersionString, PythonUnderTestInfo.Version);
        StringAssert.Matches(Env.VersionString, new System.Text.RegularExpressions.Regex(@"^\d+\.\d+\.\d+((a|b|rc)\d+)?$"));
        StringAssert.StartsWith(Env.VersionString, $"{Env.Version.Major}.{Env.Version.Minor}.");
    }

    [TestMethod]
    public void ExpressionWithoutAnyNamesHasItsBuiltins()
    {
        // builtins.eval(expr) from C# alone fails with "frame does not exist"; ours always gives it a namespace.
        using var result = Env.ExecuteExpression("len(str(sum(range(5))))");

        Assert.AreEqual(2L, result.As<long>());
    }

    [TestMethod]
    public void ExpressionSeesLocalsAndGlobals()
    {
        using var a = PyObject.From(40L);
        using var b = PyObject.From(2L);
        using var scale = PyObject.From(10L);

        using var result = Env.ExecuteExpression("(a + b) * scale", new Dictionary<string, PyObject> { ["a"] = a, ["b"] = b }, new Dictionary<string, PyObject> { ["scale"] = scale });

        Assert.AreEqual(420L, result.As<long>());
    }

    [TestMethod]
    public void StatementsReturnTheNamespaceTheyRanIn()
    {
        using var start = PyObject.From(3L);

        using var names = Env.Execute("import math\ntotal = start\nfor i in range(4):\n    total += i\nroot = math.isqrt(total)", new Dictionary<string, PyObject> { ["start"] = start });

        using var totalKey = PyObject.From("total");
        using var rootKey = PyObject.From("root");
        using var total = names.GetItem(totalKey);
        using var root = names.GetItem(rootKey);
        Assert.AreEqual(9L, total.As<long>());
        Assert.AreEqual(3L, root.As<long>());
    }

    [TestMethod]
    public void NothingPersistsBetweenCalls()
    {
        Env.Execute("leftover = 1").Dispose();

        var error = Assert.Throws<PythonInvocationException>(() => Env.ExecuteExpression("leftover"));

        Assert.AreEqual("NameError", error.PythonTypeName);
    }

    [TestMethod]
    public void InvalidPythonIsASyntaxErrorNotACrash()
    {
        var error = Assert.Throws<PythonInvocationException>(() => Env.Execute("def broken(:\n"));

        Assert.AreEqual("SyntaxError", error.PythonTypeName);
    }

    [TestMethod]
    public void NullValueIsRefusedBeforePythonRuns()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => Env.ExecuteExpression("x", new Dictionary<string, PyObject> { ["x"] = null! }));

        Assert.AreEqual("locals", error.ParamName);
    }
}
