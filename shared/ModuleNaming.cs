namespace CSnakes.Modules;

/// <summary>
/// Which Python module a file is: <c>stats/smoothing.py</c> → <c>stats.smoothing</c>, <c>stats/__init__.py</c> →
/// <c>stats</c>. Compiled into the tasks (which name a module's wrapper after it) and the runtime (which reloads the
/// module of a changed file), so the build and the app agree on every name.
/// </summary>
internal static class ModuleNaming
{
    /// <summary>
    /// The dotted module name of <paramref name="relativePath"/> (relative to the folder on <c>sys.path</c>, either
    /// separator), for <c>.py</c> and <c>.pyi</c> files. Null with <paramref name="problem"/> set when Python could
    /// not import the file by a dotted name.
    /// </summary>
    public static string? TryGetModuleName(string relativePath, out string? problem)
    {
        var parts = relativePath.Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count == 0 || parts[0] == "..")
        {
            problem = "it is outside the project folder, so it has no module name relative to it";
            return null;
        }

        var fileName = parts[parts.Count - 1];
        if (!IsPythonSource(fileName))
        {
            problem = "it is not a .py or .pyi file";
            return null;
        }

        parts[parts.Count - 1] = Path.GetFileNameWithoutExtension(fileName);
        if (parts[parts.Count - 1] == "__init__")
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
        return string.Join(".", parts);
    }

    /// <summary>True for a private module by convention (any dotted part starts with <c>_</c>); it gets no wrapper.</summary>
    public static bool IsPrivate(string moduleName) => moduleName.Split('.').Any(part => part.StartsWith("_", StringComparison.Ordinal));

    /// <summary>True for a <c>.pyi</c> stub, which stands in for the <c>.py</c> of the same module.</summary>
    public static bool IsStub(string path) => path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    private static readonly char[] Separators = ['/', '\\'];

    private static bool IsPythonSource(string fileName) =>
        fileName.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || IsStub(fileName);

    // ASCII identifiers only: wider Unicode identifiers are legal Python but need NFKC care we do not take yet.
    private static bool IsIdentifier(string part) =>
        part.Length > 0 && (IsAsciiLetter(part[0]) || part[0] == '_') && part.All(c => IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_');

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
