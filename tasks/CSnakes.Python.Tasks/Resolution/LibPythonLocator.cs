namespace CSnakes.Python.Tasks;

/// <summary>
/// Finds an interpreter's shared libpython from its sysconfig facts. Order: LIBDIR/INSTSONAME (Debian puts
/// <c>libpython3.11.so.1.0</c> in <c>/usr/lib/x86_64-linux-gnu</c>, which is LIBDIR there), LIBDIR/MULTIARCH,
/// LIBDIR/LDLIBRARY, the macOS framework, then the install prefix's own <c>lib/</c> because relocatable builds
/// (uv, conda) report the LIBDIR of the machine they were built on.
/// </summary>
internal static class LibPythonLocator
{
    /// <summary>The library's path, or null; <paramref name="tried"/> lists every path looked at.</summary>
    public static string? Find(PythonInfo info, out IReadOnlyList<string> tried)
    {
        var paths = new List<string>();
        var names = new[] { info.InstSoName, info.LdLibrary }
            .Where(n => !string.IsNullOrEmpty(n) && IsSharedLibraryName(n!))
            .Select(n => n!)
            .Distinct()
            .ToList();

        if (info.Platform == "win32")
        {
            var digits = info.Version.Split('.').Take(2);
            names.Add($"python{string.Concat(digits)}{(info.AbiFlags.Contains('t') ? "t" : "")}.dll");
            paths.AddRange(names.Select(n => Path.Combine(info.BasePrefix, n)));
        }
        foreach (var name in names)
        {
            if (!string.IsNullOrEmpty(info.LibDir))
            {
                paths.Add(Path.Combine(info.LibDir, name));
                if (!string.IsNullOrEmpty(info.MultiArch))
                {
                    paths.Add(Path.Combine(info.LibDir, info.MultiArch, name));
                }
            }
        }
        if (!string.IsNullOrEmpty(info.FrameworkPrefix) && !string.IsNullOrEmpty(info.LdLibrary))
        {
            // Framework builds report LDLIBRARY as "Python.framework/Versions/3.12/Python".
            paths.Add(Path.Combine(info.FrameworkPrefix, info.LdLibrary));
        }
        if (!string.IsNullOrEmpty(info.BasePrefix))
        {
            paths.AddRange(names.Select(n => Path.Combine(info.BasePrefix, "lib", n)));
        }

        tried = paths.Distinct().ToList();
        return tried.FirstOrDefault(File.Exists);
    }

    private static bool IsSharedLibraryName(string name) =>
        name.Contains(".so") || name.EndsWith(".dylib", StringComparison.Ordinal) || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("/Python", StringComparison.Ordinal) || name.EndsWith("/PythonT", StringComparison.Ordinal);
}
