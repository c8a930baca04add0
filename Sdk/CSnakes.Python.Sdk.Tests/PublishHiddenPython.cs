namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// Runs a program with every Python on this machine hidden, in a private mount namespace (`unshare -m`,
/// needs root): empty tmpfs over pyenv's root, /usr/lib/python3* and /usr/local/lib/python3*, and /dev/null
/// bound over /usr/bin/python3* and the system libpython. A published app that still finds Python is then
/// using its own bundle.
/// </summary>
public static class PublishHiddenPython
{
    private const string HideScript = """
        set -e
        root="$1"; shift
        if [ -d "$root" ]; then mount -t tmpfs none "$root"; fi
        for d in /usr/lib/python3* /usr/local/lib/python3*; do if [ -d "$d" ]; then mount -t tmpfs none "$d"; fi; done
        for f in /usr/bin/python3* /usr/local/bin/python3* /usr/lib/x86_64-linux-gnu/libpython3*; do
          if [ -f "$f" ] && [ ! -L "$f" ]; then mount --bind /dev/null "$f"; fi
        done
        exec "$@"
        """;

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
        DotNetCli.RunProgram("unshare", workingDirectory, ["-m", "sh", "-c", HideScript, "hide", s_pyenvRoot.Value, program, .. arguments]);
}
