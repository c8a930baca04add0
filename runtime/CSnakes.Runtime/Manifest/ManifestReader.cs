using CSnakes.Manifest;
using CSnakes.VirtualEnvironments;

namespace CSnakes.Runtime.Manifest;

/// <summary>
/// Reads the manifests the build puts next to the app (<c>&lt;Project&gt;.csnakes.json</c>, one per
/// Python library) and merges them into start options.
/// </summary>
internal static class ManifestReader
{
    public const string Pattern = "*" + ManifestDocument.FileSuffix;

    public static PythonEnvironmentOptions ReadOptions(string directory)
    {
        string[] files = Directory.Exists(directory) ? Directory.GetFiles(directory, Pattern) : [];
        if (files.Length == 0)
        {
            throw new PythonInitializationException(
                $"No Python manifest ({Pattern}) was found in '{directory}'. Reference a project that uses <Project Sdk=\"CSnakes.Python.Sdk\"> and build the app, or call PythonEnvironment.Start(options) with explicit paths.");
        }

        Array.Sort(files, StringComparer.Ordinal);
        return Merge(files.Select(Read).ToList());
    }

    public static PythonManifest Read(string path)
    {
        ManifestDocument document;
        try
        {
            document = ManifestDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is ManifestFormatException or IOException or UnauthorizedAccessException)
        {
            throw new PythonInitializationException($"The Python manifest '{path}' cannot be used: {e.Message}. Rebuild the app to regenerate it.", e);
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new PythonManifest(
            path,
            document.Project,
            document.PythonVersion,
            document.AbiFlags,
            Resolve(folder, document.LibPython)!,
            Resolve(folder, document.PythonHome),
            Resolve(folder, document.PythonExecutable),
            Resolve(folder, document.Venv),
            document.ModuleRoots.Select(r => Resolve(folder, r)).OfType<string>().ToList(),
            document.SitePackages.Select(r => Resolve(folder, r)).OfType<string>().ToList(),
            Resolve(folder, document.SourceDirectory));
    }

    internal static PythonEnvironmentOptions Merge(IReadOnlyList<PythonManifest> manifests)
    {
        PythonManifest first = manifests[0];
        foreach (var other in manifests.Skip(1))
        {
            if (!SamePath(other.LibPython, first.LibPython))
            {
                throw new PythonInitializationException(
                    $"The Python libraries in this app were built with different interpreters: '{first.FilePath}' uses '{first.LibPython}' but '{other.FilePath}' uses '{other.LibPython}'. One process hosts one interpreter: set the same PythonVersion in every Python project.");
            }
        }

        foreach (var manifest in manifests)
        {
            if (manifest.Venv is not null && !Directory.Exists(manifest.Venv))
            {
                throw new PythonInitializationException($"The virtual environment '{manifest.Venv}' named in '{manifest.FilePath}' does not exist. Rebuild the Python project to recreate it.");
            }
        }

        var venvs = manifests.Select(m => m.Venv).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new PythonEnvironmentOptions
        {
            LibPythonPath = first.LibPython,
            Home = first.Home,
            Executable = first.Executable,
            VirtualEnvironment = venvs.FirstOrDefault(),
            // Further libraries' venvs contribute their site-packages.
            SiteDirectories = venvs.Skip(1).Select(VenvLayout.SitePackages)
                .Concat(manifests.SelectMany(m => m.SitePackages))
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            ModulePaths = manifests.SelectMany(m => m.ModuleRoots).Distinct(StringComparer.Ordinal).ToList(),
            SourceRoots = manifests.Where(m => m.SourceDirectory is not null)
                .Select(m => new SourceRoot(Path.GetDirectoryName(Path.GetFullPath(m.FilePath))!, m.SourceDirectory!))
                .Distinct()
                .ToList(),
            FreeThreaded = first.AbiFlags?.Contains('t') == true ? true : null,
        };
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string? Resolve(string folder, string? path) =>
        string.IsNullOrEmpty(path) ? null : Path.GetFullPath(Path.Combine(folder, path));
}
