using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Annotated module-level names become get-only properties of the module interface, typed by their annotations
/// (a bare <c>Final</c> by its literal), read from the module at each access; unannotated names and names a method
/// already has get none. Generated, compiled against the runtime and run on a real interpreter.
/// </summary>
[TestClass]
public sealed class ModuleConstantsCompileTests
{
    private const string PythonVersion = "3.12.1";

    private const string Module = """
        from typing import Final

        MAX_SIZE: Final = 10
        NAME: str = "demo"
        RATIO: float = 0.5
        ITEMS: list[int] = [1, 2]
        UNTYPED = 3
        LIMIT: int = 1

        def limit() -> int:
            return LIMIT

        def grow() -> None:
            global RATIO
            RATIO = RATIO * 2
        """;

    private const string Program = """
        using System;
        using CSnakes.Runtime;
        using Sample.App;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        var settings = env.Settings();
        Console.WriteLine($"constants: {settings.MaxSize} {settings.Name} {settings.Ratio} {string.Join(",", settings.Items)} {settings.Limit()}");
        settings.Grow();
        Console.WriteLine($"read again: {settings.Ratio}");
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Slow")]
    public void AnnotatedModuleNamesAreReadOnlyPropertiesReadAtEachAccess()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/settings.py", Module);
        var (task, engine) = GeneratedApp.Generate(folder, python, "settings.py");
        var code = File.ReadAllText(task.GeneratedFiles.Single().ItemSpec);
        TestContext.WriteLine(code);
        StringAssert.Contains(code, "long MaxSize { get; }");
        StringAssert.Contains(code, "global::System.Collections.Generic.IReadOnlyList<long> Items { get; }");
        Assert.IsFalse(code.Contains("Untyped", StringComparison.Ordinal), "an unannotated name got a property");
        StringAssert.Contains(engine.MessageText, "'LIMIT' would become the C# member 'Limit', which a method of the module already is");
        folder.Write("app/Program.cs", Program);

        var run = GeneratedApp.BuildAndRun(Path.Combine(folder.Path, "app"), python, PythonVersion, pythonRoot);

        TestContext.WriteLine(run);
        StringAssert.Contains(run, "constants: 10 demo 0.5 1,2 1\nread again: 1\n");
    }
}
