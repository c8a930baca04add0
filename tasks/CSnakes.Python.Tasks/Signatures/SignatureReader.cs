using System.Text.Json;

namespace CSnakes.Python.Tasks.Signatures;

/// <summary>How a run of the reader script ended.</summary>
internal enum SignatureReadStatus
{
    Succeeded,

    /// <summary>The interpreter could not be started at all.</summary>
    PythonNotRunnable,

    /// <summary>The script started but failed, or printed something that is not its JSON.</summary>
    ScriptFailed,
}

/// <summary>A file to read and its module name (null when unknown: relative imports then stay unresolved).</summary>
internal sealed record SignatureSource(string Path, string? Module);

/// <summary>The outcome of <see cref="SignatureReader.Read(string, IReadOnlyList{SignatureSource}, string?)"/>; <see cref="Problem"/> explains a failure.</summary>
internal sealed record SignatureReadResult(SignatureReadStatus Status, SignatureReport? Report, string? Problem);

/// <summary>
/// Runs scripts/read_signatures.py once for a batch of files with a given interpreter. The paths go
/// in as JSON on stdin (no command-line length limits); the report comes back as JSON on stdout.
/// </summary>
internal static class SignatureReader
{
    public const string ScriptFileName = "read_signatures.py";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static SignatureReadResult Read(string pythonExecutable, IReadOnlyList<string> files, string? scriptPath = null) =>
        Read(pythonExecutable, files.Select(f => new SignatureSource(f, null)).ToList(), scriptPath);

    /// <summary>
    /// Reads the files in one run, so that aliases and re-exports resolve across them; the module
    /// names let relative imports (<c>from .x import y</c>) resolve.
    /// </summary>
    public static SignatureReadResult Read(string pythonExecutable, IReadOnlyList<SignatureSource> files, string? scriptPath = null)
    {
        scriptPath ??= HelperScripts.PathOf(ScriptFileName);
        if (!File.Exists(scriptPath))
        {
            return new(SignatureReadStatus.ScriptFailed, null, $"the helper script '{scriptPath}' is missing from the SDK");
        }

        // -I: isolated (no user site, no PYTHON* variables, script dir not on sys.path); -B: no .pyc files.
        var result = ProcessRunner.Run(pythonExecutable, ["-I", "-B", scriptPath], new ProcessRunOptions
        {
            StandardInput = JsonSerializer.Serialize(files.Select(f => new { path = f.Path, module = f.Module })),
            Timeout = Timeout,
            // -I ignores these, but an interpreter wrapper script might not pass -I on; they are harmless.
            Environment = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1", ["PYTHONIOENCODING"] = "utf-8" },
        });
        if (result.StartError is not null)
        {
            return new(SignatureReadStatus.PythonNotRunnable, null, result.StartError);
        }
        if (result.TimedOut)
        {
            return new(SignatureReadStatus.ScriptFailed, null, $"it did not finish within {Timeout.TotalMinutes:0} minutes and was stopped");
        }

        var output = result.StandardOutput;
        var errorOutput = result.StandardError.Trim();
        if (result.ExitCode != 0)
        {
            return new(SignatureReadStatus.ScriptFailed, null, $"it exited with code {result.ExitCode}: {Tail(errorOutput)}");
        }

        var report = SignatureJson.TryParse(output, out var problem);
        if (report is null)
        {
            return new(SignatureReadStatus.ScriptFailed, null, problem + (errorOutput.Length > 0 ? $"; stderr: {Tail(errorOutput)}" : ""));
        }
        if (report.Files.Count != files.Count)
        {
            return new(SignatureReadStatus.ScriptFailed, null, $"it reported {report.Files.Count} files for the {files.Count} it was given");
        }
        return new(SignatureReadStatus.Succeeded, report, null);
    }

    private static string Tail(string text)
    {
        const int limit = 2000;
        if (text.Length == 0)
        {
            return "(no error output)";
        }
        return text.Length <= limit ? text : "…" + text[^limit..];
    }
}
