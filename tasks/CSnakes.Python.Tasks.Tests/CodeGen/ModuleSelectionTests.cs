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
        var chosen = ModuleSelection.Select(Root, relative.Select(r => (PythonInput)(r, Path.Combine(Root, r))), diagnostics, rejected);
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

    [TestMethod]
    public void InstalledModulesWhoseCSharpNamesCollideTakeTheEscapeAndNeverTakeAProjectModulesName()
    {
        var diagnostics = new List<GenerationDiagnostic>();
        var rejected = new List<ModuleSource>();
        PythonInput Installed(string module, string path) => new(path, "/site/" + path, module, "six");
        var chosen = ModuleSelection.Select(Root,
        [
            Installed("six.moves.urllib.error", "six-stubs/moves/urllib/error.pyi"),
            Installed("six.moves.urllib_error", "six-stubs/moves/urllib_error.pyi"),
            Installed("mine.tools", "mine/tools.pyi"),
            (PythonInput)("mine_tools.py", Path.Combine(Root, "mine_tools.py")),
        ], diagnostics, rejected);

        Assert.IsFalse(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), string.Join("\n", diagnostics.Select(d => d.Text)));
        Assert.AreEqual(2, diagnostics.Count(d => d.Code == DiagnosticCodes.ImportedModuleNameCollision));
        // Every module is still read (re-exports may come from any of them); the losers get no wrapper.
        CollectionAssert.AreEquivalent(new[] { "mine.tools", "mine_tools", "six.moves.urllib.error", "six.moves.urllib_error" }, chosen.Select(m => m.ModuleName).ToArray());
        CollectionAssert.AreEquivalent(new[] { "mine_tools", "six.moves.urllib.error" }, chosen.Where(m => m.GetsWrapper).Select(m => m.ModuleName).ToArray());
    }
}
