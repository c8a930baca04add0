namespace CSnakes.Python.Tasks.Manifest;

/// <summary>
/// The content of a <c>*.csnakes.json</c> manifest (format version 1, see docs/architecture.md).
/// Paths are written as given: absolute for build output, relative to the manifest's folder for publish.
/// <see cref="SourceDirectory"/>: build manifests only — the project folder whose files the module roots copy, so a
/// traceback can name the file the developer edits rather than its copy in bin/.
/// </summary>
internal sealed record PythonManifest(
    string Project,
    string PythonVersion,
    string AbiFlags,
    string LibPython,
    string PythonHome,
    string PythonExecutable,
    string? Venv,
    IReadOnlyList<string> ModuleRoots,
    IReadOnlyList<string>? SitePackages = null,
    string? SourceDirectory = null)
{
    public const int FormatVersion = 1;
}
