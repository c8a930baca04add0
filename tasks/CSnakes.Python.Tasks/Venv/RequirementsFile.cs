using System.Text.RegularExpressions;

namespace CSnakes.Python.Tasks;

/// <summary>Just enough reading of pip requirements files for hashing and for placing errors at a line.</summary>
internal static partial class RequirementsFile
{
    /// <summary>True when the file has any line other than blanks and comments (an empty file needs no pip).</summary>
    public static bool HasContent(string file) =>
        File.ReadLines(file).Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith('#'));

    /// <summary>Files this one pulls in with <c>-r</c>/<c>--requirement</c>/<c>-c</c>/<c>--constraint</c>, as full paths.</summary>
    public static IEnumerable<string> IncludedFiles(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "";
        foreach (var line in File.ReadLines(file))
        {
            var match = Include().Match(line);
            if (match.Success)
            {
                yield return Path.GetFullPath(Path.Combine(directory, match.Groups["path"].Value.Trim('"', '\'')));
            }
        }
    }

    /// <summary>
    /// The 1-based line of <paramref name="file"/> that names the requirement pip (or uv) complained about in
    /// <paramref name="pipOutput"/>, or 0 when it cannot be told.
    /// </summary>
    public static int LineOfFailure(string file, IEnumerable<string> pipOutput)
    {
        var name = pipOutput.Select(l => FailedRequirement().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).LastOrDefault();
        if (name is null)
        {
            return 0;
        }
        var wanted = Normalize(name);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            var start = RequirementName().Match(line.Trim());
            if (start.Success && Normalize(start.Value) == wanted)
            {
                return lineNumber;
            }
        }
        return 0;
    }

    /// <summary>
    /// The distributions a requirements file asks for, with their 1-based lines: each line's leading project name
    /// (PEP 508), skipping blanks, comments and options (<c>-r</c>, <c>-e</c>, <c>--index-url</c>, …) and URLs.
    /// </summary>
    public static IEnumerable<(string Name, int Line)> RequirementNames(string file)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#') || text.StartsWith('-'))
            {
                continue;
            }
            var name = RequirementName().Match(text);
            if (name.Success && !text[name.Length..].StartsWith(':'))
            {
                yield return (name.Value, lineNumber);
            }
        }
    }

    /// <summary>PEP 503: names compare case-insensitively with runs of -, _ and . equal.</summary>
    public static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    private const string IncludePattern = @"^\s*(-r|--requirement|-c|--constraint)(\s+|=)(?<path>\S+)";

    // pip: "…satisfies the requirement x==1", "No matching distribution found for x==1";
    // uv: "Because x was not found in the package registry and you require x==1, …".
    private const string FailedRequirementPattern = @"(satisfies the requirement|distribution found for|you require)\s+(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)";

    private const string RequirementNamePattern = @"^[A-Za-z0-9][A-Za-z0-9._-]*";

    private const string SeparatorsPattern = @"[-_.]+";

    // .NET Framework (Visual Studio's MSBuild) has no regex source generator: compile the same patterns at first use.
#if NET
    [GeneratedRegex(IncludePattern)]
    private static partial Regex Include();
    [GeneratedRegex(FailedRequirementPattern)]
    private static partial Regex FailedRequirement();
    [GeneratedRegex(RequirementNamePattern)]
    private static partial Regex RequirementName();
    [GeneratedRegex(SeparatorsPattern)]
    private static partial Regex Separators();
#else
    private static Regex Include() => IncludeRegex;
    private static readonly Regex IncludeRegex = new(IncludePattern, RegexOptions.Compiled);
    private static Regex FailedRequirement() => FailedRequirementRegex;
    private static readonly Regex FailedRequirementRegex = new(FailedRequirementPattern, RegexOptions.Compiled);
    private static Regex RequirementName() => RequirementNameRegex;
    private static readonly Regex RequirementNameRegex = new(RequirementNamePattern, RegexOptions.Compiled);
    private static Regex Separators() => SeparatorsRegex;
    private static readonly Regex SeparatorsRegex = new(SeparatorsPattern, RegexOptions.Compiled);
#endif
}
