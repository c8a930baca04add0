using System.Reflection;
using System.Text.RegularExpressions;

namespace CSnakes.Python.Tasks.Tests.Docs;

/// <summary>
/// docs/errors.md is the one table of diagnostic codes: every code the product can report has a row there, and every
/// row names a code the product reports or is marked retired. A new code cannot ship undocumented.
/// </summary>
[TestClass]
public sealed partial class ErrorCodesDocumentedTests
{
    private static readonly string RepoRoot = typeof(ErrorCodesDocumentedTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    // Where codes are reported from: the MSBuild tasks and their scripts, the targets, the runtime.
    private static readonly string[] ProductFolders = ["tasks/CSnakes.Python.Tasks", "Sdk/targets", "runtime/CSnakes.Runtime"];

    private static readonly string[] ProductExtensions = [".cs", ".py", ".targets", ".props"];

    [TestMethod]
    public void EveryReportedCodeHasARow()
    {
        var documented = DocumentedRows().Keys.ToHashSet();

        var missing = CodesInProduct().Where(c => !documented.Contains(c.Key)).Select(c => $"{c.Key} ({c.Value})").ToList();

        Assert.AreEqual(0, missing.Count, "Codes reported but not in docs/errors.md: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void EveryRowIsAReportedOrRetiredCodeAndAppearsOnce()
    {
        var rows = DocumentedRowLines();
        var duplicates = rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var reported = CodesInProduct();

        var stale = rows.Where(r => !reported.ContainsKey(r.Code) && !r.Line.Contains("retired", StringComparison.Ordinal)).Select(r => r.Code).ToList();

        Assert.AreEqual(0, duplicates.Count, "Codes with two rows in docs/errors.md: " + string.Join(", ", duplicates));
        Assert.AreEqual(0, stale.Count, "Rows for codes nothing reports (mark them retired): " + string.Join(", ", stale));
    }

    private static Dictionary<string, string> CodesInProduct()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in ProductFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, folder), "*", SearchOption.AllDirectories)
                .Where(f => ProductExtensions.Contains(Path.GetExtension(f)) && !f.Contains("/obj/") && !f.Contains("/bin/")))
            {
                foreach (Match match in Code().Matches(File.ReadAllText(file)))
                {
                    found.TryAdd(match.Value, Path.GetRelativePath(RepoRoot, file));
                }
            }
        }
        Assert.IsTrue(found.Count > 30, $"Expected the product's codes, found {found.Count}: is RepoRoot ({RepoRoot}) right?");
        return found;
    }

    private static Dictionary<string, string> DocumentedRows() => DocumentedRowLines().GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Line);

    private static List<(string Code, string Line)> DocumentedRowLines() =>
        File.ReadLines(Path.Combine(RepoRoot, "docs", "errors.md"))
            .Select(line => (Match: Row().Match(line), Line: line))
            .Where(r => r.Match.Success)
            .Select(r => (r.Match.Groups["code"].Value, r.Line))
            .ToList();

    [GeneratedRegex(@"CSPY\d{4}")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\| (?<code>CSPY\d{4}) \|")]
    private static partial Regex Row();
}
