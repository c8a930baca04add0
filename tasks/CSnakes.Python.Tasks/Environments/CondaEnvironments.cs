namespace CSnakes.Python.Tasks.Environments;

/// <summary>
/// Finds a conda environment by name the way <c>conda activate NAME</c> does, from files and variables only
/// (running <c>conda</c> costs seconds): the environment folders of <c>CONDA_ENVS_PATH</c>/<c>CONDA_ENVS_DIRS</c>,
/// the <c>envs/</c> folder of the conda that <c>CONDA_EXE</c> names (or of the active <c>CONDA_PREFIX</c>'s
/// installation), <c>~/.conda/envs</c>, then the list conda keeps of every environment it made
/// (<c>~/.conda/environments.txt</c>). <c>base</c> is the installation itself.
/// </summary>
internal static class CondaEnvironments
{
    public const string BaseName = "base";

    /// <summary>The folder of the environment called <paramref name="name"/>, or null; <paramref name="looked"/> lists the places tried.</summary>
    public static string? Find(string name, HostFacts host, out IReadOnlyList<string> looked)
    {
        var tried = new List<string>();
        looked = tried;
        var roots = InstallationRoots(host).Distinct(StringComparer.Ordinal).ToList();

        if (name == BaseName)
        {
            foreach (var root in roots)
            {
                tried.Add(root);
                if (IsCondaEnvironment(root))
                {
                    return root;
                }
            }
            return null;
        }

        foreach (var envsDirectory in EnvsDirectories(host, roots).Distinct(StringComparer.Ordinal))
        {
            var candidate = Path.Combine(envsDirectory, name);
            tried.Add(candidate);
            if (IsCondaEnvironment(candidate))
            {
                return candidate;
            }
        }

        var listFile = Path.Combine(host.HomeDirectory, ".conda", "environments.txt");
        tried.Add(listFile);
        if (File.Exists(listFile))
        {
            foreach (var line in File.ReadLines(listFile))
            {
                var folder = line.Trim();
                if (folder.Length > 0 && Path.GetFileName(folder.TrimEnd('/', '\\')) == name && IsCondaEnvironment(folder))
                {
                    return Path.GetFullPath(folder);
                }
            }
        }
        return null;
    }

    private static bool IsCondaEnvironment(string folder) => Directory.Exists(Path.Combine(folder, "conda-meta"));

    // CONDA_EXE is <root>/bin/conda (<root>\Scripts\conda.exe on Windows); an active environment's CONDA_PREFIX is
    // <root>/envs/<name>, or <root> itself for base.
    private static IEnumerable<string> InstallationRoots(HostFacts host)
    {
        if (host.GetEnvironmentVariable("CONDA_EXE") is { Length: > 0 } condaExe)
        {
            var bin = Path.GetDirectoryName(Path.GetFullPath(condaExe));
            if (bin is not null && Path.GetDirectoryName(bin) is { } root)
            {
                yield return root;
            }
        }
        if (host.GetEnvironmentVariable("CONDA_PREFIX") is { Length: > 0 } prefix)
        {
            var full = Path.GetFullPath(prefix).TrimEnd('/', '\\');
            var parent = Path.GetDirectoryName(full);
            yield return parent is not null && Path.GetFileName(parent) == "envs" ? Path.GetDirectoryName(parent)! : full;
        }
    }

    private static IEnumerable<string> EnvsDirectories(HostFacts host, IReadOnlyList<string> roots)
    {
        foreach (var variable in new[] { "CONDA_ENVS_PATH", "CONDA_ENVS_DIRS" })
        {
            if (host.GetEnvironmentVariable(variable) is { Length: > 0 } list)
            {
                foreach (var entry in list.Split(Path.PathSeparator).Select(e => e.Trim()).Where(e => e.Length > 0))
                {
                    yield return Path.GetFullPath(entry);
                }
            }
        }
        foreach (var root in roots)
        {
            yield return Path.Combine(root, "envs");
        }
        yield return Path.Combine(host.HomeDirectory, ".conda", "envs");
    }
}
