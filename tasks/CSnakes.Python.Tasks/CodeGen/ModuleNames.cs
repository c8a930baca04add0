using CSnakes.Modules;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Names the project's Python files by their path relative to the project folder (the rule: shared/ModuleNaming.cs).</summary>
internal static class ModuleNames
{
    /// <summary>
    /// <c>forecast.py</c> → <c>forecast</c>, <c>stats/smoothing.py</c> → <c>stats.smoothing</c>,
    /// <c>stats/__init__.py</c> → <c>stats</c> (also for <c>.pyi</c>). Returns null with
    /// <paramref name="problem"/> set when the path cannot be imported by that name.
    /// </summary>
    public static string? TryGetModuleName(string projectDirectory, string filePath, out string? problem)
    {
        var relative = RelativePath(projectDirectory, filePath);
        // Another drive (Windows) has no path relative to the project at all.
        if (Path.IsPathRooted(relative))
        {
            problem = "it is outside the project folder, so it has no module name relative to it";
            return null;
        }
        return ModuleNaming.TryGetModuleName(relative, out problem);
    }

    /// <summary><paramref name="filePath"/> relative to <paramref name="projectDirectory"/>, with '/' separators (as the generated header shows it).</summary>
    public static string RelativePath(string projectDirectory, string filePath) =>
        Path.GetRelativePath(Path.GetFullPath(projectDirectory), Path.GetFullPath(filePath)).Replace('\\', '/');
}
