namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Where the bundled files go. The bundle is a plain, relocatable CPython prefix (no venv): Python finds
/// its prefix by looking for <c>lib/pythonX.Y/os.py</c> next to the <c>bin/</c> folder of its executable,
/// which works the same on 3.9–3.13 and needs no absolute path anywhere. Each library's packages get a
/// site directory of their own, so two libraries never write the same file.
/// </summary>
internal static class BundleLayout
{
    public const string Root = "python";

    public static string LibPython(string libPythonFileName) => $"{Root}/lib/{libPythonFileName}";

    public static string Executable(string executableFileName) => $"{Root}/bin/{executableFileName}";

    /// <summary>The standard library folder, named like the source's (<c>python3.12</c>), so Python's own landmark search finds it.</summary>
    public static string StdLib(string stdLibFolderName) => $"{Root}/lib/{stdLibFolderName}";

    /// <summary>
    /// The project's site directory; with several (system site-packages, an existing environment's), the later
    /// ones are numbered in <c>sys.path</c> order: <c>PyLib</c>, <c>PyLib.site2</c>, <c>PyLib.site3</c>.
    /// </summary>
    public static string SitePackages(string projectName, int index = 0) =>
        index == 0 ? $"{Root}/site-packages/{projectName}" : $"{Root}/site-packages/{projectName}.site{index + 1}";
}
