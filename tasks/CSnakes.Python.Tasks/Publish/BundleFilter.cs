namespace CSnakes.Python.Tasks.Publish;

/// <summary>What is left out of the bundle: what an embedded app never runs, and caches.</summary>
internal static class BundleFilter
{
    // Top-level stdlib folders: tests, GUI and IDE, pip's bootstrapper, the base install's own packages,
    // and config-X.Y-<triplet> (the static libpython and Makefile, for building extensions only).
    private static readonly HashSet<string> s_stdLibTopLevelExcluded = new(StringComparer.Ordinal)
    {
        "test", "idlelib", "tkinter", "turtledemo", "ensurepip", "site-packages", "dist-packages",
    };

    // Test suites nested inside stdlib packages (unittest/test, ctypes/test, sqlite3/test, …).
    private static readonly HashSet<string> s_stdLibAnyLevelExcluded = new(StringComparer.Ordinal)
    {
        "__pycache__", "test", "tests", "idle_test",
    };

    public static bool KeepStdLibDirectory(string name, bool topLevel) =>
        !s_stdLibAnyLevelExcluded.Contains(name)
        && !(topLevel && (s_stdLibTopLevelExcluded.Contains(name) || name.StartsWith("config-", StringComparison.Ordinal)));

    /// <summary>CPython's own test extension modules in lib-dynload, and Tk (excluded with tkinter).</summary>
    public static bool KeepStdLibFile(string name) =>
        !name.EndsWith(".pyc", StringComparison.Ordinal)
        && !name.StartsWith("_test", StringComparison.Ordinal)
        && !name.StartsWith("_ctypes_test", StringComparison.Ordinal)
        && !name.StartsWith("_xxtestfuzz", StringComparison.Ordinal)
        && !name.StartsWith("xxlimited", StringComparison.Ordinal)
        && !name.StartsWith("_tkinter", StringComparison.Ordinal);

    /// <summary>pip installs packages at build time; the published app never runs it.</summary>
    public static bool KeepSitePackagesDirectory(string name, bool topLevel) =>
        name != "__pycache__"
        && !(topLevel && (name == "pip" || (name.StartsWith("pip-", StringComparison.Ordinal) && name.EndsWith(".dist-info", StringComparison.Ordinal))));

    public static bool KeepSitePackagesFile(string name) => !name.EndsWith(".pyc", StringComparison.Ordinal);
}
