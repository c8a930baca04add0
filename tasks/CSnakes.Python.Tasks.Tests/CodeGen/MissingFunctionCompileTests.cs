using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// A stub may declare more than the running module has (typeshed describes every build and platform; an installed
/// package's stubs may be newer than the package): the module's other functions work, and the missing one fails when
/// called, with an exception that says so — never the whole module at its first use.
/// </summary>
[TestClass]
public sealed class MissingFunctionCompileTests
{
    private const string PythonVersion = "3.12.1";

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        Console.WriteLine($"present: {env.Partial().Present()}");
        try { env.Partial().Absent(); }
        catch (MissingMemberException e) { Console.WriteLine($"absent: {e.Message.Contains("'partial'")} {e.Message.Contains("'absent'")}"); }
        Console.WriteLine($"present again: {env.Partial().Present()}");
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Slow")]
    public void AFunctionTheStubDeclaresButTheModuleLacksFailsAloneWhenCalled()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/partial.py", "def present() -> int:\n    return 42\n");
        folder.Write("py/partial.pyi", "def present() -> int: ...\ndef absent() -> int: ...\n");
        GeneratedApp.Generate(folder, python, "partial.py", "partial.pyi");
        folder.Write("app/Program.cs", Program);

        var run = GeneratedApp.BuildAndRun(Path.Combine(folder.Path, "app"), python, PythonVersion, pythonRoot);

        TestContext.WriteLine(run);
        StringAssert.Contains(run, "present: 42\nabsent: True True\npresent again: 42\n");
    }
}
