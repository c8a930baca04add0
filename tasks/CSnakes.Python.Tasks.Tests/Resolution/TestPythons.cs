using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Real interpreters on the test machine, found the way a developer would (pyenv root).</summary>
internal static class TestPythons
{
    private static readonly Lazy<string?> PyenvRootValue = new(FindPyenvRoot);

    public static string? PyenvRoot => PyenvRootValue.Value;

    /// <summary>pyenv's interpreter for an exact version, or null when pyenv or that version is absent.</summary>
    public static string? Pyenv(string version)
    {
        if (PyenvRoot is null)
        {
            return null;
        }
        var path = Path.Combine(PyenvRoot, "versions", version, "bin", "python3");
        return File.Exists(path) ? path : null;
    }

    /// <summary>pyenv's interpreter, or marks the test inconclusive saying what is missing.</summary>
    public static string RequirePyenv(string version) =>
        Pyenv(version) ?? throw new AssertInconclusiveException($"pyenv's Python {version} is not installed here (pyenv root: {PyenvRoot ?? "none"}).");

    private static string? FindPyenvRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PYENV_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }
        var pyenv = HostFacts.Current.FindOnPath("pyenv");
        if (pyenv is null)
        {
            return null;
        }
        var result = ProcessRunner.Run(pyenv, ["root"], new ProcessRunOptions { Timeout = TimeSpan.FromSeconds(30) });
        var root = result.StandardOutput.Trim();
        return result.Succeeded && Directory.Exists(root) ? root : null;
    }
}
