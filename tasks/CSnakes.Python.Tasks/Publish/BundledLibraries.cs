namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Answers "would the loader find this library inside the published bundle?" for the bundled native objects:
/// through the object's own RUNPATH/RPATH with <c>$ORIGIN</c> expanded against where it is bundled, in any
/// auditwheel <c>*.libs</c> folder of the site directories, or as the bundled libpython.
/// </summary>
internal sealed class BundledLibraries
{
    private readonly HashSet<string> _targets;
    private readonly HashSet<string> _inLibsFolders;
    private readonly HashSet<string> _libPythonStems;

    public BundledLibraries(IEnumerable<BundleEntry> entries, IReadOnlyCollection<string> siteDirectories)
    {
        var targets = entries.Select(e => e.TargetPath).ToList();
        _targets = new HashSet<string>(targets, StringComparer.Ordinal);

        // auditwheel puts a wheel's vendored libraries in <dist>.libs/ and points RUNPATH there; a library of
        // that name is then also what the loader reuses (matched by soname) when another module needs it.
        _inLibsFolders = new HashSet<string>(
            targets.Where(t => SiteDirectory.Of(t, siteDirectories) is not null && ParentName(t).EndsWith(".libs", StringComparison.Ordinal))
                   .Select(FileName),
            StringComparer.Ordinal);

        // The host loads the bundled libpython before any module, so a module linked against it finds it loaded.
        _libPythonStems = new HashSet<string>(
            targets.Where(t => Parent(t) == $"{BundleLayout.Root}/lib" && FileName(t).StartsWith("libpython", StringComparison.Ordinal))
                   .Select(t => LibPythonStem(FileName(t))),
            StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="needed"/> of the object bundled at <paramref name="objectTarget"/> is in the bundle.</summary>
    public bool Carries(string objectTarget, ElfDynamicInfo info, string needed)
    {
        if (_inLibsFolders.Contains(needed))
        {
            return true;
        }

        if (needed.StartsWith("libpython", StringComparison.Ordinal) && _libPythonStems.Contains(LibPythonStem(needed)))
        {
            return true;
        }

        string origin = Parent(objectTarget);
        foreach (var entry in info.SearchPaths)
        {
            if (ExpandOrigin(entry, origin) is { } folder && _targets.Contains($"{folder}/{needed}"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A RUNPATH entry as a folder of the bundle, or null when it points outside it: an absolute path (a build
    /// machine's folder), above the publish folder, or another loader token ($LIB, $PLATFORM) we cannot know.
    /// </summary>
    private static string? ExpandOrigin(string entry, string origin)
    {
        string path = entry.Replace("${ORIGIN}", "$ORIGIN") /* ordinal */;
        if (!path.StartsWith("$ORIGIN", StringComparison.Ordinal))
        {
            return null;
        }

        path = origin + path["$ORIGIN".Length..];
        if (path.Contains('$'))
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    // libpython3.12.so.1.0 and libpython3.12.so name one library; libpython3.11… or libpython3.so do not.
    private static string LibPythonStem(string fileName)
    {
        int so = fileName.IndexOf(".so", StringComparison.Ordinal);
        return so < 0 ? fileName : fileName[..so];
    }

    private static string Parent(string target)
    {
        int slash = target.LastIndexOf('/');
        return slash < 0 ? "" : target[..slash];
    }

    private static string ParentName(string target) => FileName(Parent(target));

    private static string FileName(string target) => target[(target.LastIndexOf('/') + 1)..];
}
