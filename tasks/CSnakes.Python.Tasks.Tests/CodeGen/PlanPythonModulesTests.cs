using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The targets' prediction of the generator's inputs and outputs, and that it matches what the generator does.</summary>
[TestClass]
public sealed class PlanPythonModulesTests
{
    // A package with a stubbed module, a private helper, a package-private module, and a file no import can name.
    private static readonly string[] Files =
        ["forecast.py", "stats/__init__.py", "stats/smoothing.py", "stats/smoothing.pyi", "_helpers.py", "stats/_impl.py", "my-tool.py"];

    private static ITaskItem Item(TempFolder project, string relative)
    {
        var item = new TaskItem(Path.Combine(project.Path, relative));
        item.SetMetadata("CopyToOutputDirectory", "PreserveNewest");
        return item;
    }

    private static PlanPythonModules Plan(TempFolder project, string outputDirectory) => new()
    {
        BuildEngine = new FakeBuildEngine(),
        PythonFiles = Files.Select(f => Item(project, f)).ToArray(),
        ProjectDirectory = project.Path,
        OutputDirectory = outputDirectory,
    };

    private static TempFolder Project()
    {
        var project = new TempFolder();
        foreach (var file in Files)
        {
            project.Write(file, "def f(x: int) -> int:\n    return x\n");
        }
        return project;
    }

    [TestMethod]
    public void StubShadowsItsSourceAndPrivateOrUnnamedFilesGetNoWrapper()
    {
        using var project = Project();
        var output = Path.Combine(project.Path, "obj", "generated");
        var task = Plan(project, output);

        Assert.IsTrue(task.Execute());

        var read = task.ModuleFiles.ToDictionary(i => Path.GetRelativePath(project.Path, i.ItemSpec).Replace('\\', '/'));
        CollectionAssert.AreEquivalent(
            new[] { "forecast.py", "stats/__init__.py", "stats/smoothing.pyi", "_helpers.py", "stats/_impl.py", "my-tool.py" },
            read.Keys.ToArray(), "the .py a stub stands in for is not read; every other file is, private and unnamed ones too");
        Assert.AreEqual("stats.smoothing", read["stats/smoothing.pyi"].GetMetadata("ModuleName"));
        Assert.AreEqual(Path.Combine(output, "stats.smoothing.g.cs"), read["stats/smoothing.pyi"].GetMetadata("WrapperFile"));
        Assert.AreEqual("stats", read["stats/__init__.py"].GetMetadata("ModuleName"));
        Assert.AreEqual("false", read["stats/_impl.py"].GetMetadata("IsPublic"));
        Assert.AreEqual("", read["stats/_impl.py"].GetMetadata("WrapperFile"));
        Assert.AreEqual("", read["my-tool.py"].GetMetadata("ModuleName"));
        Assert.AreEqual("", read["my-tool.py"].GetMetadata("WrapperFile"));
        Assert.AreEqual("PreserveNewest", read["forecast.py"].GetMetadata("CopyToOutputDirectory"), "the items keep their own metadata");

        var wrappers = task.WrapperFiles.ToDictionary(i => i.GetMetadata("ModuleName"));
        CollectionAssert.AreEquivalent(new[] { "forecast", "stats", "stats.smoothing" }, wrappers.Keys.ToArray());
        Assert.AreEqual(Path.Combine(project.Path, "stats/smoothing.pyi"), wrappers["stats.smoothing"].GetMetadata("SourceFile"));
        Assert.AreEqual("", wrappers["forecast"].GetMetadata("CopyToOutputDirectory"), "a wrapper carries none of its Python file's copy metadata");
    }

    [TestMethod]
    public void PredictsExactlyTheWrappersTheGeneratorWrites()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = Project();
        var output = Path.Combine(project.Path, "obj", "generated");
        var plan = Plan(project, output);
        Assert.IsTrue(plan.Execute());

        var engine = new FakeBuildEngine();
        var generate = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = plan.ModuleFiles,
            ProjectDirectory = project.Path,
            RootNamespace = "Forecast",
            OutputDirectory = output,
        };
        Assert.IsTrue(generate.Execute(), engine.ErrorText);

        CollectionAssert.AreEquivalent(
            plan.WrapperFiles.Select(i => i.ItemSpec).ToArray(),
            Directory.GetFiles(output).ToArray());
        CollectionAssert.AreEquivalent(
            plan.WrapperFiles.Select(i => i.ItemSpec).ToArray(),
            generate.GeneratedFiles.Select(i => i.ItemSpec).ToArray());
        Assert.AreEqual("CSPY3006", engine.Warnings.Single().Code, "the unnamed file is reported by the generator, which reads it");
    }
}
