namespace CSnakes.Python.Tasks;

/// <summary>Where things are inside a venv, which differs between Windows and the rest.</summary>
internal static class VenvLayout
{
    public static string PythonPath(string venvDirectory) => OperatingSystem.IsWindows()
        ? Path.Combine(venvDirectory, "Scripts", "python.exe")
        : Path.Combine(venvDirectory, "bin", "python");

    /// <summary>The venv's site-packages (<c>lib/python3.12/site-packages</c>; <c>lib/python3.13t/…</c> when free-threaded).</summary>
    public static string SitePackages(string venvDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(venvDirectory, "Lib", "site-packages");
        }
        var lib = Path.Combine(venvDirectory, "lib");
        var found = Directory.Exists(lib)
            ? Directory.EnumerateDirectories(lib, "python*").Select(d => Path.Combine(d, "site-packages")).FirstOrDefault(Directory.Exists)
            : null;
        return found ?? Path.Combine(lib, "site-packages");
    }
}
