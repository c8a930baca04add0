namespace CSnakes.Python.Tasks.Publish;

/// <summary>Lists the files of a Python bundle (see <see cref="BundleLayout"/>) from a resolved interpreter and its site directories.</summary>
internal static class BundleCollector
{
    public static List<BundleEntry> Collect(BundleSource source)
    {
        var entries = new List<BundleEntry>
        {
            new(RealFile(source.LibPython), BundleLayout.LibPython(Path.GetFileName(source.LibPython))),
            new(RealFile(source.Executable), BundleLayout.Executable(Path.GetFileName(source.Executable))),
        };

        string stdLib = Path.GetFullPath(source.StdLib);
        AddTree(entries, stdLib, BundleLayout.StdLib(Path.GetFileName(stdLib.TrimEnd('/', '\\'))), topLevel: true,
            BundleFilter.KeepStdLibDirectory, BundleFilter.KeepStdLibFile);

        // Numbered by position in the list, missing ones included, so the caller can name each bundled folder.
        for (int i = 0; i < source.SiteDirectories.Count; i++)
        {
            if (!string.IsNullOrEmpty(source.SiteDirectories[i]) && Directory.Exists(source.SiteDirectories[i]))
            {
                AddTree(entries, Path.GetFullPath(source.SiteDirectories[i]), BundleLayout.SitePackages(source.ProjectName, i), topLevel: true,
                    BundleFilter.KeepSitePackagesDirectory, BundleFilter.KeepSitePackagesFile);
            }
        }

        return entries;
    }

    private static void AddTree(List<BundleEntry> entries, string directory, string target, bool topLevel,
        Func<string, bool, bool> keepDirectory, Func<string, bool> keepFile)
    {
        // Sorted, so the item list (and a binlog) is the same on every run.
        foreach (string file in Directory.GetFiles(directory).OrderBy(f => f, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (keepFile(name) && File.Exists(file))
            {
                entries.Add(new BundleEntry(file, $"{target}/{name}"));
            }
        }

        foreach (string sub in Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(sub);
            if (keepDirectory(name, topLevel))
            {
                AddTree(entries, sub, $"{target}/{name}", topLevel: false, keepDirectory, keepFile);
            }
        }
    }

    // The copy must hold the file itself: pyenv and Debian reach libpython and python3.X through symlinks.
    private static string RealFile(string path)
    {
        return FileLinks.FinalPath(new FileInfo(path));
    }
}
