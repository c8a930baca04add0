namespace CSnakes.Python.Tasks.Publish;

/// <summary>The resolved interpreter and the site directories (a venv's, and the system's or an environment's) that a bundle is made from.</summary>
internal sealed record BundleSource(
    string ProjectName,
    string LibPython,
    string Executable,
    string StdLib,
    IReadOnlyList<string> SiteDirectories);
