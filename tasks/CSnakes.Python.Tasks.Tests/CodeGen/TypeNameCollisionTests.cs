using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// All wrappers of a project share one namespace: two modules generating a C# type of the same name must be a
/// CSPY3007 at the Python class, never a C# compiler error in generated code, also when only one of them is
/// regenerated.
/// </summary>
[TestClass]
public sealed class TypeNameCollisionTests
{
    private const string Paint = """
        from enum import Enum

        class Color(Enum):
            RED = 1

        def paint(c: Color) -> str:
            return c.name
        """;

    private const string Theme = """
        from dataclasses import dataclass


        @dataclass
        class Color:
            hex: str

        def primary() -> Color:
            return Color("#f00")
        """;

    private static (GeneratePythonWrappers Task, FakeBuildEngine Engine) CreateTask(TempFolder project, string python, string[] regenerate, string[] all)
    {
        var engine = new FakeBuildEngine();
        var output = Path.Combine(project.Path, "obj", "python");
        return (new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = regenerate.Select(f => (ITaskItem)new TaskItem(Path.Combine(project.Path, f))).ToArray(),
            ProjectDirectory = project.Path,
            RootNamespace = "Styles",
            OutputDirectory = output,
            AllWrapperFiles = all.Select(m => (ITaskItem)new TaskItem(Path.Combine(output, m + ".g.cs"))).ToArray(),
        }, engine);
    }

    [TestMethod]
    public void TwoModulesInOneRunGiveTheNameToTheFirstAndCSPY3007ToTheOther()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("paint.py", Paint);
        project.Write("theme.py", Theme);
        var (task, engine) = CreateTask(project, python, ["theme.py", "paint.py"], ["paint", "theme"]);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY3007", error.Code);
        Assert.AreEqual(Path.Combine(project.Path, "theme.py"), error.File);
        Assert.AreEqual(5, error.LineNumber);
        StringAssert.Contains(error.Message, "Module 'theme' would generate the C# type 'Color', which module 'paint' already generates");
        var output = Path.Combine(project.Path, "obj", "python");
        Assert.IsTrue(File.Exists(Path.Combine(output, "paint.g.cs")));
        Assert.IsFalse(File.Exists(Path.Combine(output, "theme.g.cs")), "no wrapper that would not compile");
        StringAssert.Contains(File.ReadAllText(Path.Combine(output, "paint.g.cs")), "// csnakes-types: Color");
    }

    [TestMethod]
    public void APartialRunSeesTheTypesOfWrappersItDoesNotRegenerate()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("paint.py", Paint);
        project.Write("theme.py", "def primary() -> str:\n    return '#f00'\n");
        var (first, firstEngine) = CreateTask(project, python, ["paint.py", "theme.py"], ["paint", "theme"]);
        Assert.IsTrue(first.Execute(), firstEngine.ErrorText);

        // Only theme.py changed: the build regenerates it alone.
        project.Write("theme.py", Theme);
        var (second, engine) = CreateTask(project, python, ["theme.py"], ["paint", "theme"]);

        Assert.IsFalse(second.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY3007", error.Code);
        StringAssert.Contains(error.Message, "which module 'paint' already generates");
        Assert.IsFalse(File.Exists(Path.Combine(project.Path, "obj", "python", "theme.g.cs")));

        // Renamed: both generate.
        project.Write("theme.py", Theme.Replace("Color", "Swatch"));
        var (third, thirdEngine) = CreateTask(project, python, ["theme.py"], ["paint", "theme"]);
        Assert.IsTrue(third.Execute(), thirdEngine.ErrorText);
        StringAssert.Contains(File.ReadAllText(Path.Combine(project.Path, "obj", "python", "theme.g.cs")), "// csnakes-types: Swatch");
    }
}
