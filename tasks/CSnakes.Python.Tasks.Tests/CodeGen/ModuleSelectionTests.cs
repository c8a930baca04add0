using CSnakes.Python.Tasks.CodeGen;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

[TestClass]
public sealed class ModuleSelectionTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "selection-root");

    private static (IReadOnlyList<ModuleSource> Chosen, List<GenerationDiagnostic> Diagnostics, List<ModuleSource> Rejected) Select(params string[] relative)
    {
        var diagnostics = new List<GenerationDiagnostic>();
        var rejected = new List<ModuleSource>();
        var chosen = ModuleSelection.Select(Root, relative.Select(r => (r, Path.Combine(Root, r))), diagnostics, rejected);
        return (chosen, diagnostics, rejected);
    }

    [TestMethod]
    public void ModulesAreSortedByNameAndStubsWin()
    {
        var (chosen, diagnostics, _) = Select("stats/smoothing.py", "forecast.py", "stats/smoothing.pyi", "stats/__init__.py");

        CollectionAssert.AreEqual(new[] { "forecast", "stats", "stats.smoothing" }, chosen.Select(m => m.ModuleName).ToArray());
        Assert.AreEqual("stats/smoothing.pyi", chosen[2].DisplayPath);
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
    }

    [TestMethod]
    public void PrivateFilesAreReadNotWrappedAndUnnamedOnesAreSkipped()
    {
        var (chosen, diagnostics, _) = Select("_internal.py", "pkg/_impl.py", "my-tool.py", "ok.py");

        // Private modules are kept for reading (other modules re-export from them) but marked: they get no wrapper.
        CollectionAssert.AreEqual(new[] { "_internal", "ok", "pkg._impl" }, chosen.Select(m => m.ModuleName).ToArray());
        CollectionAssert.AreEqual(new[] { "_internal", "pkg._impl" }, chosen.Where(m => m.IsPrivate).Select(m => m.ModuleName).ToArray());
        var warning = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Warning);
        Assert.AreEqual("CSPY3006", warning.Code);
        StringAssert.Contains(warning.Text, "my-tool.py");
    }

    [TestMethod]
    public void AccessorCollisionIsAnErrorNamingBothFiles()
    {
        var (chosen, diagnostics, rejected) = Select("stats/smoothing.py", "stats_smoothing.py", "other.py");

        CollectionAssert.AreEqual(new[] { "other" }, chosen.Select(m => m.ModuleName).ToArray());
        // One error for the pair, though all four of their type names clash.
        var error = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("CSPY3002", error.Code);
        StringAssert.Contains(error.Text, "stats/smoothing.py");
        StringAssert.Contains(error.Text, "stats_smoothing.py");
        StringAssert.Contains(error.Text, "<PythonFile Update=\"stats_smoothing.py\" GenerateWrapper=\"false\" />");
        Assert.AreEqual(2, rejected.Count);
    }

    [TestMethod]
    public void PackageAndModuleOfTheSameNameCollide()
    {
        var (chosen, diagnostics, _) = Select("stats.py", "stats/__init__.py");

        Assert.AreEqual(0, chosen.Count);
        var error = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.AreEqual("CSPY3002", error.Code);
        StringAssert.Contains(error.Text, "stats.py");
        StringAssert.Contains(error.Text, "stats/__init__.py");
    }
}
