namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Derives dotted Python module names from file paths relative to the project folder.</summary>
internal static class ModuleNames
{
    /// <summary>
    /// <c>forecast.py</c> → <c>forecast</c>, <c>stats/smoothing.py</c> → <c>stats.smoothing</c>,
    /// <c>stats/__init__.py</c> → <c>stats</c> (also for <c>.pyi</c>). Returns null with
    /// <paramref name="problem"/> set when the path cannot be imported by that name.
    /// </summary>
    public static string? TryGetModuleName(string projectDirectory, string filePath, out string? problem)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(projectDirectory), Path.GetFullPath(filePath));
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem = "it is outside the project folder, so it has no module name relative to it";
            return null;
        }

        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).ToList();
        var fileName = parts[^1];
        var extension = Path.GetExtension(fileName);
        if (!extension.Equals(".py", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".pyi", StringComparison.OrdinalIgnoreCase))
        {
            problem = "it is not a .py or .pyi file";
            return null;
        }

        parts[^1] = Path.GetFileNameWithoutExtension(fileName);
        if (parts[^1] == "__init__")
        {
            parts.RemoveAt(parts.Count - 1);
            if (parts.Count == 0)
            {
                problem = "an __init__ file at the project root is not a package of its own";
                return null;
            }
        }

        foreach (var part in parts)
        {
            if (!IsIdentifier(part))
            {
                problem = $"'{part}' is not a valid Python identifier, so the file cannot be imported by a dotted name";
                return null;
            }
        }

        problem = null;
        return string.Join('.', parts);
    }

    /// <summary>True for a private module by convention (any part starting with <c>_</c>), which gets no wrapper.</summary>
    public static bool IsPrivate(string moduleName) => moduleName.Split('.').Any(part => part.StartsWith('_'));

    // ASCII identifiers only: wider Unicode identifiers are legal Python but need NFKC care we do not take yet.
    private static bool IsIdentifier(string part) =>
        part.Length > 0
        && (char.IsAsciiLetter(part[0]) || part[0] == '_')
        && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
