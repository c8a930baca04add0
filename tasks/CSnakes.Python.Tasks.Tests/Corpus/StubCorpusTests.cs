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
    public void TypeshedThirdPartyStubsGenerateAndCompile() => GeneratesAndCompiles(StubCorpus.ThirdPartyStubs());

    [TestMethod]
    [TestCategory("Slow")]
    public void TypeshedThirdPartyStubsDropNothingSilently() => DropsNothingSilently(StubCorpus.ThirdPartyStubs(), versionsFile: null);

    [TestMethod]
    [TestCategory("Slow")]
    public void MypySourcesGenerateAndCompile() => GeneratesAndCompiles(StubCorpus.Mypy());

    [TestMethod]
    [TestCategory("Slow")]
    public void MypySourcesDropNothingSilently() => DropsNothingSilently(StubCorpus.Mypy(), versionsFile: null);

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
                if (group.Count() > 8)
                {
                    failures.AppendLine($"    ... {group.Count() - 8} more, in {string.Join(", ", group.Skip(8).Select(e => Path.GetFileName(e.File)).Distinct())}");
                }
            }
        }
        else if (exitCode != 0)
        {
            failures.AppendLine("dotnet build failed without a C# compiler error:").AppendLine(output);
        }
        TestContext.WriteLine(failures.ToString());
        var summary = $"{corpus.Name}: {corpus.Engine.Errors.Count} generation errors ({Counts(corpus.Engine.Errors.Select(e => e.Code))}), " +
            $"{errors.Count} C# compiler errors ({Counts(errors.Select(e => e.Code))}); the test log lists them with examples";
        Assert.AreEqual(0, failures.Length, summary);
    }

    private void DropsNothingSilently(StubCorpus corpus, string? versionsFile)
    {
        LogGeneration(corpus);
        var definitions = PublicDefinitions.List(corpus, versionsFile);
        var missing = PublicDefinitions.Unaccounted(corpus, definitions);
        var summary = new StringBuilder();
        summary.AppendLine($"{corpus.Name}: {missing.Count} of {definitions.Count} public definitions in {definitions.Select(d => d.Module).Distinct().Count()} modules dropped silently");
        // Groups that hint at the cause: a module without a wrapper at all, or where the stub puts the definition.
        foreach (var group in missing.GroupBy(Hint).OrderByDescending(g => g.Count()))
        {
            summary.AppendLine($"  {group.Count(),5}  {group.Key}, e.g. {string.Join(", ", group.Take(6).Select(d => d.Display))}");
        }
        var perModule = new StringBuilder();
        foreach (var module in missing.GroupBy(d => d.Module).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            perModule.AppendLine($"  {module.Key}: {string.Join(", ", module.Select(d => d.Owner is null ? d.Name : $"{d.Owner}.{d.Name}"))}");
        }
        TestContext.WriteLine(summary.ToString());
        TestContext.WriteLine("Dropped per module:");
        TestContext.WriteLine(perModule.ToString());
        Assert.AreEqual(0, missing.Count, summary + "(the test log lists every dropped name per module)");

        string Hint(PublicDefinition d) =>
            !corpus.Generated.ContainsKey(d.Module) ? "in a module that got no wrapper file"
            : $"{d.Kind}, {(d.Conditional ? "under an if/try of the stub" : "unconditional")}";
    }

    private void LogGeneration(StubCorpus corpus)
    {
        TestContext.WriteLine($"{corpus.Name}: generating wrappers for {corpus.StubCount} files with Python {StubCorpus.PythonVersion} took {corpus.GenerationTime.TotalSeconds:F1} s; " +
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

    private static string Counts(IEnumerable<string> codes) =>
        string.Join(", ", codes.GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}"));

    private static string Relative(StubCorpus corpus, string? file) =>
        file is null ? "" : Path.GetRelativePath(corpus.PythonRoot, file);
}
