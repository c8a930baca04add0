namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// A real numpy from the distribution (Debian's python3-numpy), found without a package index: the interpreter the
/// run prefers (CSNAKES_PYTHON, as in the Debian testing root), then /usr/bin/python3.11 and /usr/bin/python3. Tests
/// that need one skip with the reason when no candidate can import numpy.
/// </summary>
public static class NumpyPython
{
    private static readonly Lazy<(string? Python, string Version, string Reason)> s_found = new(Find);

    /// <summary>An interpreter whose <c>import numpy</c> works, or null (then <see cref="Reason"/> says why).</summary>
    public static string? Python => s_found.Value.Python;

    /// <summary>The numpy version that interpreter imports.</summary>
    public static string NumpyVersion => s_found.Value.Version;

    public static string Reason => s_found.Value.Reason;

    /// <summary>Skips the calling test when there is no such interpreter.</summary>
    public static string Require()
    {
        if (Python is null)
        {
            Assert.Inconclusive(Reason);
        }
        return Python!;
    }

    /// <summary>Runs <paramref name="python"/> with <paramref name="arguments"/> and returns the result.</summary>
    public static DotNetResult Run(string python, params string[] arguments) => DotNetCli.RunProgram(python, "/", arguments);

    private static (string?, string, string) Find()
    {
        var tried = new List<string>();
        var candidates = new[] { Environment.GetEnvironmentVariable("CSNAKES_PYTHON"), "/usr/bin/python3.11", "/usr/bin/python3" };
        foreach (var candidate in candidates.OfType<string>().Where(c => c.Length > 0).Distinct())
        {
            if (!File.Exists(candidate))
            {
                tried.Add($"{candidate}: missing");
                continue;
            }
            // Any ImportError (no numpy, or numpy without its C extension for this version) means "not importable".
            var result = Run(candidate, "-I", "-c", "import numpy, sys; sys.stdout.write(numpy.__version__)");
            if (result.ExitCode == 0)
            {
                return (candidate, result.Output.Trim(), "");
            }
            tried.Add($"{candidate}: cannot import numpy");
        }
        return (null, "", "No interpreter here imports numpy (install python3-numpy): " + string.Join("; ", tried));
    }
}
