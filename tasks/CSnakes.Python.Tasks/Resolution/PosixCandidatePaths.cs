using System.Text.RegularExpressions;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Lists the interpreters worth asking on Linux and macOS, in search order: uv-managed installs, pyenv, conda,
/// <c>/usr/local/bin</c>, <c>/usr/bin</c>, then PATH. Paths are listed as found; the caller dedupes by real path.
/// </summary>
internal static partial class PosixCandidatePaths
{
    public static IReadOnlyList<(string Path, string Source)> Enumerate(HostFacts host, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();

        foreach (var installs in UvInstallDirectories(host))
        {
            AddVersionFolders(found, installs, "uv");
        }

        var pyenvRoot = PyenvRoot(host, cancellationToken);
        if (pyenvRoot is not null)
        {
            AddVersionFolders(found, Path.Combine(pyenvRoot, "versions"), "pyenv");
        }

        foreach (var prefix in CondaPrefixes(host))
        {
            AddInterpreter(found, Path.Combine(prefix, "bin"), "conda");
        }

        foreach (var directory in host.SystemBinDirectories)
        {
            AddNamedInterpreters(found, directory, directory);
        }

        foreach (var directory in host.PathDirectories)
        {
            // pyenv's shims only re-dispatch to the versions listed above, slowly; skip them.
            if (pyenvRoot is not null && IsUnder(directory, pyenvRoot) && Path.GetFileName(directory.TrimEnd('/')) == "shims")
            {
                continue;
            }
            AddNamedInterpreters(found, directory, "PATH");
        }
        return found;
    }

    /// <summary>PYENV_ROOT, else what <c>pyenv root</c> says when pyenv is on PATH, else ~/.pyenv when it exists.</summary>
    public static string? PyenvRoot(HostFacts host, CancellationToken cancellationToken)
    {
        var fromEnvironment = host.GetEnvironmentVariable("PYENV_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }
        var pyenv = host.FindOnPath("pyenv");
        if (pyenv is not null)
        {
            var result = ProcessRunner.Run(pyenv, ["root"], new ProcessRunOptions { Timeout = TimeSpan.FromSeconds(10), CancellationToken = cancellationToken });
            var root = result.StandardOutput.Trim();
            if (result.Succeeded && root.Length > 0 && Directory.Exists(root))
            {
                return root;
            }
        }
        var conventional = Path.Combine(host.HomeDirectory, ".pyenv");
        return Directory.Exists(conventional) ? conventional : null;
    }

    /// <summary>Folders that hold one subfolder per uv-managed Python.</summary>
    public static IEnumerable<string> UvInstallDirectories(HostFacts host)
    {
        var configured = host.GetEnvironmentVariable("UV_PYTHON_INSTALL_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            yield return configured;
            yield break;
        }
        var dataHome = host.GetEnvironmentVariable("XDG_DATA_HOME");
        yield return Path.Combine(string.IsNullOrEmpty(dataHome) ? Path.Combine(host.HomeDirectory, ".local", "share") : dataHome, "uv", "python");
    }

    private static IEnumerable<string> CondaPrefixes(HostFacts host)
    {
        var active = host.GetEnvironmentVariable("CONDA_PREFIX");
        if (!string.IsNullOrEmpty(active))
        {
            yield return active;
        }
        foreach (var name in new[] { "miniconda3", "anaconda3", "miniforge3" })
        {
            yield return Path.Combine(host.HomeDirectory, name);
        }
    }

    private static void AddVersionFolders(List<(string, string)> found, string root, string source)
    {
        if (!Directory.Exists(root))
        {
            return;
        }
        foreach (var version in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            AddInterpreter(found, Path.Combine(version, "bin"), source);
        }
    }

    // One interpreter per install prefix: python3 where it exists, else python.
    private static void AddInterpreter(List<(string, string)> found, string bin, string source)
    {
        foreach (var name in new[] { "python3", "python" })
        {
            var path = Path.Combine(bin, name);
            if (File.Exists(path))
            {
                found.Add((path, source));
                return;
            }
        }
    }

    private static void AddNamedInterpreters(List<(string, string)> found, string directory, string source)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(directory, "python*").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in files.Where(f => InterpreterName().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal))
        {
            found.Add((file, source));
        }
    }

    private static bool IsUnder(string path, string root) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(root).TrimEnd('/') + "/", StringComparison.Ordinal);

    // python, python3, python3.12, python3.13t — not python3-config or python3.12-gdb.py.
    private const string InterpreterNamePattern = @"^python(3(\.\d+t?)?)?$";

    // .NET Framework (Visual Studio's MSBuild) has no regex source generator: compile the same patterns at first use.
#if NET
    [GeneratedRegex(InterpreterNamePattern)]
    private static partial Regex InterpreterName();
#else
    private static Regex InterpreterName() => InterpreterNameRegex;
    private static readonly Regex InterpreterNameRegex = new(InterpreterNamePattern, RegexOptions.Compiled);
#endif
}
