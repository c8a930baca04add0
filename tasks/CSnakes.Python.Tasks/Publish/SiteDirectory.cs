namespace CSnakes.Python.Tasks.Publish;

/// <summary>The bundle's site directories (<c>python/site-packages/&lt;name&gt;</c>) and paths relative to them.</summary>
internal static class SiteDirectory
{
    /// <summary>
    /// Every site directory the entries fill, found from their target paths rather than from the task's inputs,
    /// so the native check follows however many site directories the bundle is made of.
    /// </summary>
    public static IReadOnlyList<string> AllIn(IEnumerable<BundleEntry> entries)
    {
        const string root = BundleLayout.Root + "/site-packages/";
        return entries
            .Select(e => e.TargetPath)
            .Where(t => t.StartsWith(root, StringComparison.Ordinal) && t.IndexOf('/', root.Length) > 0)
            .Select(t => t[..t.IndexOf('/', root.Length)])
            .Distinct(StringComparer.Ordinal)
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The site directory holding <paramref name="target"/>, or null when it is in none of them.</summary>
    public static string? Of(string target, IReadOnlyCollection<string> siteDirectories) =>
        siteDirectories.FirstOrDefault(d => target.StartsWith(d.TrimEnd('/') + "/", StringComparison.Ordinal));

    /// <summary>
    /// The top-level package a file belongs to: the first path segment under its site directory, or for a module
    /// at the site root (<c>fast.cpython-312-x86_64-linux-gnu.so</c>) the module name.
    /// </summary>
    public static string TopLevelPackage(string relativePath)
    {
        int slash = relativePath.IndexOf('/');
        if (slash > 0)
        {
            return relativePath[..slash];
        }
        int dot = relativePath.IndexOf('.');
        return dot > 0 ? relativePath[..dot] : relativePath;
    }
}
