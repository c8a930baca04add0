namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// Runs a program with every Python on this machine hidden, in a private mount namespace (`unshare -m`,
/// needs root): empty tmpfs over pyenv's root, /usr/lib/python3* and /usr/local/lib/python3*, and /dev/null
/// bound over /usr/bin/python3* and the system libpython. A published app that still finds Python is then
/// using its own bundle.
/// </summary>
public static class PublishHiddenPython
{
    // `unshare -m` makes every mount private first, which fails inside a chroot ("cannot change root filesystem
    // propagation": its / is no mount point), as in eng/debian-testing-root.sh's root. So unshare leaves
    // propagation alone and the script makes / private itself where it can; in a chroot whose mounts are
    // already private (that script runs it in a private namespace) the tmpfs mounts stay in this namespace.
    private const string HideScript = """
        set -e
        mount --make-rprivate / 2>/dev/null || true
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
        DotNetCli.RunProgram("unshare", workingDirectory, ["-m", "--propagation", "unchanged", "sh", "-c", HideScript, "hide", s_pyenvRoot.Value, program, .. arguments]);
}
