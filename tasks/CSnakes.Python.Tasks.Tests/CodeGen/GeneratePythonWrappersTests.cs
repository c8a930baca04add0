using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The task end to end on a temp project folder, with a real interpreter.</summary>
[TestClass]
public sealed class GeneratePythonWrappersTests
{
    private const string Forecast = """
        '''Forecasting helpers.'''

        def predict(history: list[float], days: int = 7) -> list[float]:
            '''Predicts the next days.'''
            return history[-days:]

        def shape(data: numpy.ndarray) -> int:
            return 0
        """;

    private const string Smoothing = """
        def ewma(values: list[float], alpha: float) -> list[float]:
            return values
        """;

    private static (GeneratePythonWrappers Task, FakeBuildEngine Engine) CreateTask(TempFolder project, string python, params string[] relativeFiles)
    {
        var engine = new FakeBuildEngine();
        var task = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = relativeFiles.Select(f => (ITaskItem)new TaskItem(Path.Combine(project.Path, f))).ToArray(),
            ProjectDirectory = project.Path,
            RootNamespace = "Forecast",
            OutputDirectory = Path.Combine(project.Path, "obj", "python"),
        };
        return (task, engine);
    }

    [TestMethod]
    public void WritesOneFilePerModuleAndReportsThem()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("forecast.py", Forecast);
        project.Write("stats/__init__.py", "");
        project.Write("stats/smoothing.py", Smoothing);
        var (task, engine) = CreateTask(project, python, "forecast.py", "stats/__init__.py", "stats/smoothing.py");

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var output = Path.Combine(project.Path, "obj", "python");
        CollectionAssert.AreEquivalent(
            new[] { "forecast.g.cs", "stats.g.cs", "stats.smoothing.g.cs" },
            Directory.GetFiles(output).Select(Path.GetFileName).ToArray());
        var generated = task.GeneratedFiles.ToDictionary(i => i.GetMetadata("ModuleName"));
        Assert.AreEqual(3, generated.Count);
        Assert.AreEqual(Path.Combine(project.Path, "stats/smoothing.py"), generated["stats.smoothing"].GetMetadata("SourceFile"));
        Assert.AreEqual(Path.Combine(output, "stats.smoothing.g.cs"), generated["stats.smoothing"].ItemSpec);

        var smoothing = GeneratedCode.Readable(File.ReadAllText(Path.Combine(output, "stats.smoothing.g.cs")));
        StringAssert.Contains(smoothing, "public static IStatsSmoothing StatsSmoothing(this IPythonEnvironment env)");
        StringAssert.Contains(smoothing, "env.GetModule<IStatsSmoothing>(\"stats.smoothing\", static module => new StatsSmoothingModuleImplementation(module))");
        StringAssert.Contains(smoothing, "IReadOnlyList<double> Ewma(IEnumerable<double> values, double alpha);");
        var forecast = GeneratedCode.Readable(File.ReadAllText(Path.Combine(output, "forecast.g.cs")));
        StringAssert.Contains(forecast, "IReadOnlyList<double> Predict(IEnumerable<double> history, long days = 7);");
        StringAssert.Contains(forecast, "/// Forecasting helpers.");
    }

    [TestMethod]
    public void UnmappableAnnotationWarnsAtItsLocation()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        var file = project.Write("forecast.py", Forecast);
        var (task, engine) = CreateTask(project, python, "forecast.py");

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var warning = engine.Warnings.Single();
        Assert.AreEqual("CSPY3001", warning.Code);
        Assert.AreEqual(file, warning.File);
        Assert.AreEqual(7, warning.LineNumber);
        Assert.AreEqual(17, warning.ColumnNumber);
        StringAssert.Contains(warning.Message, "numpy.ndarray");
        StringAssert.Contains(warning.Message, "forecast.shape");
        StringAssert.Contains(GeneratedCode.Readable(File.ReadAllText(task.GeneratedFiles.Single().ItemSpec)), "long Shape(PyObject data);");
    }

    [TestMethod]
    public void SyntaxErrorFailsAtTheLineAndDeletesTheStaleOutput()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        var file = project.Write("forecast.py", Forecast);
        project.Write("stats/smoothing.py", Smoothing);
        var (first, firstEngine) = CreateTask(project, python, "forecast.py", "stats/smoothing.py");
        Assert.IsTrue(first.Execute(), firstEngine.ErrorText);
        var stale = Path.Combine(project.Path, "obj", "python", "forecast.g.cs");
        Assert.IsTrue(File.Exists(stale));

        project.Write("forecast.py", "def predict(history:\n    pass\n\ndef other(: pass\n");
        var (second, engine) = CreateTask(project, python, "forecast.py", "stats/smoothing.py");

        Assert.IsFalse(second.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY2001", error.Code);
        Assert.AreEqual(file, error.File);
        Assert.IsTrue(error.LineNumber > 0);
        StringAssert.Contains(error.Message, "forecast.py");
        Assert.IsFalse(File.Exists(stale), "the old wrapper must go so the next build retries");
        Assert.AreEqual("stats.smoothing", second.GeneratedFiles.Single().GetMetadata("ModuleName"), "other modules are still generated");
    }

    [TestMethod]
    public void StubWinsOverItsImplementation()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("calc.py", "def add(a, b):\n    return a + b\n");
        project.Write("calc.pyi", "def add(a: int, b: int) -> int: ...\n");
        var (task, engine) = CreateTask(project, python, "calc.py", "calc.pyi");

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        var generated = task.GeneratedFiles.Single();
        Assert.AreEqual(Path.Combine(project.Path, "calc.pyi"), generated.GetMetadata("SourceFile"));
        StringAssert.Contains(GeneratedCode.Readable(File.ReadAllText(generated.ItemSpec)), "long Add(long a, long b);");
    }

    [TestMethod]
    public void ColliddingModuleAccessorsAreAnErrorNamingBothFiles()
    {
        var python = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("stats_smoothing.py", "def a() -> None: ...\n");
        project.Write("stats/smoothing.py", Smoothing);
        var (task, engine) = CreateTask(project, python, "stats_smoothing.py", "stats/smoothing.py");

        Assert.IsFalse(task.Execute());
        var error = engine.Errors.First();
        Assert.AreEqual("CSPY3002", error.Code);
        StringAssert.Contains(error.Message, "stats_smoothing.py");
        StringAssert.Contains(error.Message, "stats/smoothing.py");
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void AModuleNamedLikeAStandardLibraryModuleIsCspy3009(string version)
    {
        var python = PyenvPython.Require(version);
        using var project = new TempFolder();
        project.Write("queue.py", "def put(x: int) -> None: ...\n");
        project.Write("enum/__init__.py", "def parse(x: str) -> int: ...\n");
        project.Write("jobs/queue.py", "def take() -> int: ...\n");
        project.Write("asyncio.pyi", "def run(x: int) -> int: ...\n");
        project.Write("weather.py", "def today() -> str: ...\n");
        var (task, engine) = CreateTask(project, python, "queue.py", "enum/__init__.py", "jobs/queue.py", "asyncio.pyi", "weather.py");

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        // Only modules that take a standard-library name on sys.path shadow it; a stub or a submodule does not.
        var warnings = engine.Warnings.Where(w => w.Code == "CSPY3009").ToList();
        CollectionAssert.AreEquivalent(new[] { "queue.py", "__init__.py" }, warnings.Select(w => Path.GetFileName(w.File)).ToArray());
        StringAssert.Contains(warnings.Single(w => w.File.EndsWith("queue.py", StringComparison.Ordinal)).Message, "'import queue'");
    }

    [TestMethod]
    public void MissingPythonIsCspy2003()
    {
        using var project = new TempFolder();
        project.Write("forecast.py", Forecast);
        var (task, engine) = CreateTask(project, Path.Combine(project.Path, "no-python"), "forecast.py");

        Assert.IsFalse(task.Execute());
        Assert.AreEqual("CSPY2003", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "no-python");
    }

    [TestMethod]
    public void GeneratedFilesAreIdenticalAcrossRunsAndInterpreters()
    {
        var oldest = PyenvPython.Require("3.9.18");
        var newest = PyenvPython.Require("3.13.0");
        using var project = new TempFolder();
        project.Write("forecast.py", Forecast);
        project.Write("stats/smoothing.py", Smoothing);

        string Run(string python)
        {
            var (task, engine) = CreateTask(project, python, "forecast.py", "stats/smoothing.py");
            Assert.IsTrue(task.Execute(), engine.ErrorText);
            return string.Join("\n---\n", task.GeneratedFiles.OrderBy(i => i.ItemSpec).Select(i => GeneratedCode.Readable(File.ReadAllText(i.ItemSpec))));
        }

        var first = Run(newest);
        Assert.AreEqual(first, Run(newest));
        Assert.AreEqual(first, Run(oldest));
        Assert.IsFalse(first.Contains('\r'));
    }
}
