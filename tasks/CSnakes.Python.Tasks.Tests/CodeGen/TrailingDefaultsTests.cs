using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// A stub describes code it did not write, whose function may take fewer arguments by position than the stub lists
/// (CPython 3.15's sqlite3.connect): for a module read from a stub, trailing arguments holding the stub's default are
/// not sent; a project's own .py module sends every argument, as its signature is the function's own.
/// </summary>
[TestClass]
public sealed class TrailingDefaultsTests
{
    private const string Signature = "def connect(database: str, timeout: float = 5.0, uri: bool = False) -> int: ...\n";

    [TestMethod]
    [DataRow("db.pyi", true)]
    [DataRow("db.py", false)]
    public void TrailingArgumentsAtTheirStubDefaultsAreLeftOutOnlyForStubs(string file, bool elided)
    {
        using var folder = new TempFolder();
        folder.Write("py/" + file, Signature);
        var (task, _) = GeneratedApp.Generate(folder, PyenvPython.Require("3.12.1"), file);

        var code = File.ReadAllText(task.GeneratedFiles.Single().ItemSpec);

        Assert.AreEqual(elided, code.Contains("int __send = 3;", StringComparison.Ordinal), code);
        if (elided)
        {
            StringAssert.Contains(code, "if (__send == 3 && uri == false) __send = 2;");
            StringAssert.Contains(code, "if (__send == 2 && timeout == 5.0) __send = 1;");
            StringAssert.Contains(code, "if (__send > 1) { __call.Add(global::CSnakes.Runtime.Converters.FloatConverter.Instance, timeout); }");
        }
    }
}
