namespace CSnakes.Runtime.Manifest;

/// <summary>One <c>*.csnakes.json</c> file, with relative paths already resolved against its folder.
/// <c>SitePackages</c> is optional in the file (published manifests); older manifests read as empty.
/// <c>SourceDirectory</c> (build manifests only): the project folder the manifest's folder holds copies of.</summary>
internal sealed record PythonManifest(
    string FilePath,
    string? Project,
    string? Version,
    string? AbiFlags,
    string LibPython,
    string? Home,
    string? Executable,
    string? Venv,
    IReadOnlyList<string> ModuleRoots,
    IReadOnlyList<string> SitePackages,
    string? SourceDirectory = null);
