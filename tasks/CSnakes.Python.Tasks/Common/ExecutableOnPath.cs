namespace CSnakes.Python.Tasks;

/// <summary>
/// Finds a program on PATH the way a shell would, so "is uv installed?" has the answer the user expects from typing
/// <c>uv</c>: the first PATH folder that holds it wins; on Windows each PATHEXT extension is tried (uv ships as
/// <c>uv.exe</c>); elsewhere a file without an execute bit is skipped, as the shell would skip it.
/// </summary>
internal static class ExecutableOnPath
{
    private const string DefaultPathExt = ".COM;.EXE;.BAT;.CMD";

    /// <summary>The full path of <paramref name="name"/> on <paramref name="path"/>, or null.</summary>
    public static string? Find(string name, string? path, string? pathExt, bool windows)
    {
        var separator = windows ? ';' : ':';
        var extensions = windows && !Path.HasExtension(name)
            ? (string.IsNullOrEmpty(pathExt) ? DefaultPathExt : pathExt).Split(';').Select(e => e.Trim()).Where(e => e.Length > 0).ToArray()
            : [""];
        foreach (var directory in (path ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            // A PATH entry may be quoted on Windows ("C:\Program Files\uv"); a relative entry is relative to the
            // build's working folder, which is not something a build should depend on, so it is skipped.
            var folder = directory.Trim().Trim('"');
            if (folder.Length == 0 || !Path.IsPathFullyQualified(folder))
            {
                continue;
            }
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(folder, name + extension);
                if (File.Exists(candidate) && (windows || IsExecutable(candidate)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
