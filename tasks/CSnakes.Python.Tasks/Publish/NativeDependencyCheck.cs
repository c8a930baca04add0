namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Finds the shared libraries that the bundled site-packages' ELF objects need and that neither the bundle nor
/// the manylinux2014 system set (<see cref="ManylinuxSystemLibraries"/>) provides. It only reads headers; what
/// to do about a finding is <see cref="NativeDependencyReporter"/>'s business.
/// </summary>
internal static class NativeDependencyCheck
{
    /// <summary>Checks every ELF object under <paramref name="siteDirectories"/> (target-path prefixes such as <c>python/site-packages/App</c>).</summary>
    public static NativeDependencyFindings Run(IReadOnlyList<BundleEntry> entries, IReadOnlyCollection<string> siteDirectories)
    {
        var bundled = new BundledLibraries(entries, siteDirectories);
        var missing = new SortedDictionary<(string Package, string Library), SortedSet<string>>(Comparer<(string Package, string Library)>.Create(
            (a, b) => string.CompareOrdinal(a.Package, b.Package) is var c && c != 0 ? c : string.CompareOrdinal(a.Library, b.Library)));
        var unreadable = new List<UnreadableNativeObject>();
        int checkedObjects = 0;

        foreach (var entry in entries.OrderBy(e => e.TargetPath, StringComparer.Ordinal))
        {
            if (!LooksLikeSharedObject(entry.TargetPath) || SiteDirectory.Of(entry.TargetPath, siteDirectories) is not { } site)
            {
                continue;
            }

            ElfDynamicInfo info;
            try
            {
                if (!ElfDependencies.IsElf(entry.SourcePath))
                {
                    continue; // a Mach-O, a linker script or a text file named .so: not ours to judge
                }
                info = ElfDependencies.Read(entry.SourcePath);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new UnreadableNativeObject(entry.TargetPath, e.Message));
                continue;
            }

            checkedObjects++;
            string relative = entry.TargetPath[(site.TrimEnd('/').Length + 1)..];
            foreach (var needed in info.Needed)
            {
                if (ManylinuxSystemLibraries.IsAssumedPresent(needed) || bundled.Carries(entry.TargetPath, info, needed))
                {
                    continue;
                }

                var key = (SiteDirectory.TopLevelPackage(relative), needed);
                if (!missing.TryGetValue(key, out var objects))
                {
                    missing[key] = objects = new SortedSet<string>(StringComparer.Ordinal);
                }
                objects.Add(relative);
            }
        }

        return new NativeDependencyFindings(
            missing.Select(m => new MissingNativeLibrary(m.Key.Package, m.Key.Library, m.Value.ToList())).ToList(),
            unreadable,
            checkedObjects);
    }

    // Extension modules and vendored libraries: foo.so, libfoo.so.1, libfoo-1a2b3c.so.1.2.3.
    private static bool LooksLikeSharedObject(string target)
    {
        string name = target[(target.LastIndexOf('/') + 1)..];
        return name.EndsWith(".so", StringComparison.Ordinal) || name.Contains(".so.", StringComparison.Ordinal);
    }
}
