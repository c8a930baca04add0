using System.Text.Json;

namespace CSnakes.Python.Tasks;

/// <summary>Runs <c>python -I scripts/python_info.py</c> and reads its JSON.</summary>
internal sealed class PythonProbe : IPythonProbe
{
    // Generous: the first run of a freshly installed Python compiles its stdlib's .pyc files.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static PythonProbe Instance { get; } = new();

    public PythonProbeResult Ask(string executable, CancellationToken cancellationToken)
    {
        var script = HelperScripts.PathOf("python_info.py");
        var result = ProcessRunner.Run(executable, ["-I", script], new ProcessRunOptions
        {
            Timeout = Timeout,
            CancellationToken = cancellationToken,
            Environment = new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" },
        });
        if (!result.Succeeded)
        {
            var detail = FirstLine(result.StandardError);
            if (detail.Contains("Unknown option: -I", StringComparison.Ordinal))
            {
                return PythonProbeResult.Failed("it is Python 2 or older than 3.4 (it does not know the -I option); CSnakes needs 3.9 or newer");
            }
            return PythonProbeResult.Failed($"could not be asked for its version: it {result.Describe()}{(detail.Length > 0 ? ": " + detail : "")}");
        }

        var json = result.StandardOutput.Trim();
        try
        {
            var info = PythonInfo.Parse(json);
            return info is null
                ? PythonProbeResult.Failed("printed no information about itself")
                : new PythonProbeResult(info, null);
        }
        catch (JsonException e)
        {
            return PythonProbeResult.Failed($"printed something that is not the expected JSON ({e.Message}): {FirstLine(json)}");
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
