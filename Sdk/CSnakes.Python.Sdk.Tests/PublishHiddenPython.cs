namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// Runs a program with every Python on this machine hidden (eng/run-with-python-hidden.sh: a private mount
/// namespace with pyenv's root and the system's Pythons covered; needs root). A published app that still finds
/// Python is then using its own bundle. eng/bench/sdk-bench.sh times published apps the same way.
/// </summary>
public static class PublishHiddenPython
{
    private static readonly Lazy<string> s_pyenvRoot = new(() =>
    {
        try
        {
            var result = DotNetCli.RunProgram("pyenv", "/", "root");
            if (result.ExitCode == 0)
            {
                return result.Output.Trim();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pyenv is not on PATH: fall back to its default root.
        }
        return Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
    });

    public static DotNetResult Run(string workingDirectory, string program, params string[] arguments) =>
        DotNetCli.RunProgram("sh", workingDirectory, [Path.Combine(E2EEnvironment.RepoRoot, "eng", "run-with-python-hidden.sh"), s_pyenvRoot.Value, program, .. arguments]);
}
