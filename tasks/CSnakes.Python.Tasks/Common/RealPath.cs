namespace CSnakes.Python.Tasks;

/// <summary>
/// Resolves every symbolic link in a path, directories included (like POSIX realpath), so two routes to the
/// same interpreter (<c>/bin/python3</c> and <c>/usr/bin/python3.11</c> on merged-/usr systems) compare equal.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var links = 0;
        return ResolveFull(full, ref links);
    }

    private static string ResolveFull(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? "";
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            string? target = null;
            try
            {
                FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                target = FileLinks.Target(info);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable: keep the path as written from here on.
            }

            if (target is null)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return full;
            }
            var resolvedTarget = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
            current = ResolveFull(resolvedTarget, ref links);
        }
        return current;
    }
}
