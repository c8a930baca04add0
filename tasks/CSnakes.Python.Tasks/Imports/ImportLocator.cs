using System.Text.Json;
using System.Text.Json.Serialization;

namespace CSnakes.Python.Tasks.Imports;

/// <summary>
/// Runs scripts/locate_imports.py with the environment's interpreter: it finds, without importing anything, the files
/// that type each name (a stubs package, a py.typed package, typeshed's stdlib stubs, or the package's own source).
/// </summary>
internal static class ImportLocator
{
    public const string ScriptFileName = "locate_imports.py";
    public const int SupportedVersion = 1;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The report, or null with <paramref name="problem"/> saying why the script gave none.</summary>
    public static ImportReport? Locate(string pythonExecutable, IReadOnlyList<string> names, out string? problem, string? scriptPath = null)
    {
        scriptPath ??= HelperScripts.PathOf(ScriptFileName);
        var result = ProcessRunner.Run(pythonExecutable, ["-I", "-B", scriptPath], new ProcessRunOptions
        {
            StandardInput = JsonSerializer.Serialize(names),
            Timeout = Timeout,
            Environment = new Dictionary<string, string?> { ["PYTHONDONTWRITEBYTECODE"] = "1" },
        });
        if (result.StartError is not null)
        {
            problem = $"'{pythonExecutable}' could not be started: {result.StartError}";
            return null;
        }
        if (result.TimedOut || result.ExitCode != 0)
        {
            problem = result.TimedOut ? "it did not finish in time" : $"it exited with code {result.ExitCode}: {result.StandardError.Trim()}";
            return null;
        }
        return Parse(result.StandardOutput, out problem);
    }

    public static ImportReport? Parse(string json, out string? problem)
    {
        try
        {
            var report = JsonSerializer.Deserialize<ImportReport>(json, JsonOptions);
            if (report is null || report.Version != SupportedVersion || report.Imports is null)
            {
                problem = $"the output is not format version {SupportedVersion}";
                return null;
            }
            problem = null;
            return report;
        }
        catch (JsonException e)
        {
            problem = $"the output is not the expected JSON ({e.Message})";
            return null;
        }
    }
}
