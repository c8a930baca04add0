using System.Text;

namespace CSnakes.Python.Tasks.Tests.Corpus;

/// <summary>
/// Real-world Python: typeshed's stdlib stubs and numpy's own stubs go through the real generator, and
/// the output must compile warning-free against the runtime and drop nothing without saying so.
/// Both corpora come from Debian packages (python3-mypy, python3-numpy); without them the tests are
/// inconclusive.
/// </summary>
[TestClass]
public sealed class StubCorpusTests
{
    public TestContext TestContext { get; set; } = null!;

    [ClassCleanup]
    public static void DeleteCorpusFolders() => StubCorpus.DeleteFolders();

    [TestMethod]
    [TestCategory("Slow")]
    public void TypeshedStdlibGeneratesAndCompiles() => GeneratesAndCompiles(StubCorpus.Typeshed());

    [TestMethod]
    [TestCategory("Slow")]
    public void NumpyStubsGenerateAndCompile() => GeneratesAndCompiles(StubCorpus.Numpy());

    [TestMethod]
    [TestCategory("Slow")]
    public void TypeshedStdlibDropsNothingSilently() =>
        DropsNothingSilently(StubCorpus.Typeshed(), Path.Combine(StubCorpus.TypeshedStdlib, "VERSIONS"));

    [TestMethod]
    [TestCategory("Slow")]
    public void NumpyStubsDropNothingSilently() => DropsNothingSilently(StubCorpus.Numpy(), versionsFile: null);

    private void GeneratesAndCompiles(StubCorpus corpus)
    {
        LogGeneration(corpus);
        var (exitCode, errors, elapsed, output) = CorpusCompilation.Build(corpus);
        TestContext.WriteLine($"{corpus.Name}: compiling {corpus.Generated.Count} generated files took {elapsed.TotalSeconds:F1} s (exit code {exitCode}), {errors.Count} compiler errors");

        var failures = new StringBuilder();
        if (corpus.Engine.Errors.Count > 0)
        {
            failures.AppendLine($"{corpus.Engine.Errors.Count} generation errors:");
            foreach (var group in corpus.Engine.Errors.GroupBy(e => e.Code).OrderByDescending(g => g.Count()))
            {
                failures.AppendLine($"  {group.Key} x{group.Count()}");
                foreach (var error in group)
                {
                    failures.AppendLine($"    {Relative(corpus, error.File)}({error.LineNumber}): {error.Message}");
                }
            }
        }
        if (errors.Count > 0)
        {
            failures.AppendLine($"{errors.Count} C# compiler errors in the generated code:");
            foreach (var group in errors.GroupBy(e => e.Code).OrderByDescending(g => g.Count()))
            {
                failures.AppendLine($"  {group.Key} x{group.Count()} in {group.Select(e => e.File).Distinct().Count()} files");
                foreach (var error in group.Take(8))
                {
                    failures.AppendLine($"    {Path.GetFileName(error.File)}({error.Line}): {error.Message}");
                    failures.AppendLine($"      | {error.SourceLine()}");
                }
            }
        }
        else if (exitCode != 0)
        {
            failures.AppendLine("dotnet build failed without a C# compiler error:").AppendLine(output);
        }
        TestContext.WriteLine(failures.ToString());
        Assert.AreEqual(0, failures.Length, $"{corpus.Name}:\n{failures}");
    }

    private void DropsNothingSilently(StubCorpus corpus, string? versionsFile)
    {
        LogGeneration(corpus);
        var definitions = PublicDefinitions.List(corpus, versionsFile);
        var missing = PublicDefinitions.Unaccounted(corpus, definitions);
        var report = new StringBuilder();
        report.AppendLine($"{corpus.Name}: {missing.Count} of {definitions.Count} public definitions in {definitions.Select(d => d.Module).Distinct().Count()} modules dropped silently");
        foreach (var kind in missing.GroupBy(d => d.Kind))
        {
            report.AppendLine($"  {kind.Key}: {kind.Count()}");
        }
        var lostModules = missing.Select(d => d.Module).Distinct().Where(m => !corpus.Generated.ContainsKey(m)).ToHashSet(StringComparer.Ordinal);
        report.AppendLine($"  modules with no generated file at all: {lostModules.Count}");
        foreach (var module in missing.GroupBy(d => d.Module).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var tag = lostModules.Contains(module.Key) ? " (no wrapper generated)" : "";
            report.AppendLine($"  {module.Key}{tag}: {string.Join(", ", module.Select(d => d.Owner is null ? d.Name : $"{d.Owner}.{d.Name}"))}");
        }
        TestContext.WriteLine(report.ToString());
        Assert.AreEqual(0, missing.Count, report.ToString());
    }

    private void LogGeneration(StubCorpus corpus)
    {
        TestContext.WriteLine($"{corpus.Name}: generating wrappers for {corpus.StubCount} stubs with Python {StubCorpus.PythonVersion} took {corpus.GenerationTime.TotalSeconds:F1} s; " +
            $"task {(corpus.TaskSucceeded ? "succeeded" : "failed")}, {corpus.Generated.Count} files generated in {corpus.Folder}");
        foreach (var code in corpus.Engine.Warnings.GroupBy(w => w.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.WriteLine($"  warning {code.Key}: {code.Count()}");
        }
        foreach (var code in corpus.Engine.Errors.GroupBy(e => e.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            TestContext.WriteLine($"  error {code.Key}: {code.Count()}");
        }
    }

    private static string Relative(StubCorpus corpus, string? file) =>
        file is null ? "" : Path.GetRelativePath(corpus.PythonRoot, file);
}
