using System.Runtime.InteropServices;

namespace CSnakes.VirtualEnvironments;

/// <summary>
/// Where things are inside a virtual environment (<c>python -m venv</c>, virtualenv, <c>uv venv</c>), which differs
/// between Windows and the rest. Compiled into the tasks (which make and read venvs) and the runtime (which starts
/// Python as a venv's interpreter), so both agree.
/// </summary>
internal static class VenvLayout
{
    /// <summary>The file that makes a folder a venv; its <c>home</c> line names the base interpreter's folder.</summary>
    public const string ConfigFileName = "pyvenv.cfg";

    private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>True when <paramref name="directory"/> holds a <c>pyvenv.cfg</c>.</summary>
    public static bool IsVenv(string directory) => File.Exists(Path.Combine(directory, ConfigFileName));

    /// <summary>The venv's interpreter: <c>bin/python</c>, <c>Scripts\python.exe</c> on Windows.</summary>
    public static string PythonPath(string venv) => IsWindows
        ? Path.Combine(venv, "Scripts", "python.exe")
        : Path.Combine(venv, "bin", "python");

    /// <summary>The venv's existing site-packages folders: <c>Lib/site-packages</c> on Windows, else <c>lib/python3.X[t]/site-packages</c>, sorted.</summary>
    public static IEnumerable<string> SitePackagesFolders(string venv)
    {
        var windows = Path.Combine(venv, "Lib", "site-packages");
        if (Directory.Exists(windows))
        {
            yield return windows;
        }
        var lib = Path.Combine(venv, "lib");
        if (!Directory.Exists(lib))
        {
            yield break;
        }
        foreach (var version in Directory.GetDirectories(lib, "python3*").OrderBy(d => d, StringComparer.Ordinal))
        {
            var sitePackages = Path.Combine(version, "site-packages");
            if (Directory.Exists(sitePackages))
            {
                yield return sitePackages;
            }
        }
    }

    /// <summary>The venv's site-packages (the first of <see cref="SitePackagesFolders"/>), or where it would be when there is none yet.</summary>
    public static string SitePackages(string venv) =>
        SitePackagesFolders(venv).FirstOrDefault()
        ?? (IsWindows ? Path.Combine(venv, "Lib", "site-packages") : Path.Combine(venv, "lib", "python3", "site-packages"));
}
