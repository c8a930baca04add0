namespace CSnakes.Python.Tasks.Publish;

/// <summary>Content of a published manifest; paths relative to the publish folder, or absolute when Python is not bundled.</summary>
internal sealed record PublishedManifest(
    string Project,
    string PythonVersion,
    string AbiFlags,
    string LibPython,
    string Home,
    string Executable,
    IReadOnlyList<string> SitePackages,
    IReadOnlyList<string> ModuleRoots);
