using System.Diagnostics;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>Finds a pyenv-installed interpreter; tests that need one are inconclusive when it is missing.</summary>
internal static class PyenvPython
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The interpreter for <paramref name="version"/> (e.g. 3.13.0), or Assert.Inconclusive.</summary>
    public static string Require(string version)
    {
        var root = Root.Value ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        var executable = Path.Combine(root, "versions", version, "bin", "python3");
        if (!File.Exists(executable))
        {
            Assert.Inconclusive($"Python {version} is not installed under pyenv ({executable} is missing).");
        }
        return executable;
    }

    private static string? FindRoot()
    {
        try
        {
            var startInfo = new ProcessStartInfo("pyenv", "root") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
