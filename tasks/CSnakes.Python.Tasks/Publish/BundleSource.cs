namespace CSnakes.Python.Tasks.Publish;

/// <summary>The resolved interpreter and venv that a bundle is made from.</summary>
internal sealed record BundleSource(
    string ProjectName,
    string LibPython,
    string Executable,
    string StdLib,
    string? SitePackages);
