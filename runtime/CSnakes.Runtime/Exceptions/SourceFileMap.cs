namespace CSnakes.Runtime;

/// <summary>
/// Maps a file Python ran from a build's output (<c>bin/…/demo.py</c>, a copy the next build overwrites) to the
/// project file it was copied from, when that file exists: traceback frames and text then point at the file the
/// developer edits. Set once when the environment starts; published apps have no source roots and keep their paths.
/// </summary>
internal static class SourceFileMap
{
    private static IReadOnlyList<SourceRoot> s_roots = [];

    public static void Use(IReadOnlyList<SourceRoot> roots) => s_roots = roots;

    /// <summary><paramref name="file"/> in its source folder, or <paramref name="file"/> itself.</summary>
    public static string ToSource(string file)
    {
        foreach (var root in s_roots)
        {
            var relative = Path.GetRelativePath(root.Output, file);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                continue;
            }
            var source = Path.Combine(root.Source, relative);
            if (File.Exists(source))
            {
                return source;
            }
        }
        return file;
    }
}
