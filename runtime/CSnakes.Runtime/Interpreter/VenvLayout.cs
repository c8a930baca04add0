namespace CSnakes.Runtime;

/// <summary>Where things are inside a virtual environment made by <c>python -m venv</c>.</summary>
internal static class VenvLayout
{
    public static string Python(string venv) => OperatingSystem.IsWindows()
        ? Path.Combine(venv, "Scripts", "python.exe")
        : Path.Combine(venv, "bin", "python");

    public static string SitePackages(string venv)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(venv, "Lib", "site-packages");
        }

        string lib = Path.Combine(venv, "lib");
        string? versioned = Directory.Exists(lib)
            ? Directory.GetDirectories(lib, "python3*").OrderBy(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return Path.Combine(versioned ?? Path.Combine(lib, "python3"), "site-packages");
    }
}
