using System.Diagnostics;
using System.Text.RegularExpressions;
using CSnakes.Python.Tasks.Tests.CodeGen;

namespace CSnakes.Python.Tasks.Tests.Corpus;

/// <summary>One C# compiler diagnostic of the generated code (warnings are errors here).</summary>
internal sealed record CompilerError(string File, int Line, string Code, string Message)
{
    /// <summary>The generated source line the error points at, trimmed (empty when unreadable).</summary>
    public string SourceLine()
    {
        try
        {
            var lines = System.IO.File.ReadLines(File).Skip(Line - 1).Take(1).ToList();
            return lines.Count == 1 ? lines[0].Trim() : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}

/// <summary>
/// Builds a corpus's generated files in a throw-away project against the real CSnakes.Runtime project,
/// with warnings as errors and XML documentation on, exactly as a user's strict project would.
/// </summary>
internal static partial class CorpusCompilation
{
    public static (int ExitCode, IReadOnlyList<CompilerError> Errors, TimeSpan Elapsed, string Output) Build(StubCorpus corpus)
    {
        var app = Path.Combine(corpus.Folder, "app");
        GeneratedCodeBuild.WriteProject(app);
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, output) = GeneratedCodeBuild.Build(app);
        var elapsed = stopwatch.Elapsed;

        var errors = ErrorLine().Matches(output)
            .Select(m => new CompilerError(m.Groups["file"].Value.Trim(), int.Parse(m.Groups["line"].Value), m.Groups["code"].Value, m.Groups["message"].Value))
            .Distinct()
            .ToList();
        return (exitCode, errors, elapsed, output);
    }

    [GeneratedRegex(@"^(?<file>[^\r\n]*?)\((?<line>\d+),\d+\): error (?<code>CS\d+): (?<message>[^\r\n]*?)(?: \[[^\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
