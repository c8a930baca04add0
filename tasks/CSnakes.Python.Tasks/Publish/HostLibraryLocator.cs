namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Where this machine's dynamic loader finds a library, and which Debian package installed it, so a warning can
/// name what the target needs. Runs at most one <c>ldconfig -p</c> per publish and one <c>dpkg -S</c> per
/// missing library, only when something is missing; any failure just leaves the answer out.
/// </summary>
internal sealed class HostLibraryLocator
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(10);

    // Where glibc's loader looks when ld.so.cache says nothing; the multiarch triplet is the Debian layout.
    private static readonly string[] DefaultFolders = ["/lib", "/usr/lib", "/lib64", "/usr/lib64"];

    private readonly Lazy<IReadOnlyDictionary<string, string>> _cache = new(ReadLoaderCache);

    /// <summary>The library's path on this machine, or null when the loader would not find it here either.</summary>
    public string? Find(string soname)
    {
        if (_cache.Value.TryGetValue(soname, out var path) && File.Exists(path))
        {
            return path;
        }

        return Folders().Select(f => Path.Combine(f, soname)).FirstOrDefault(File.Exists);
    }

    /// <summary>The Debian package that installed <paramref name="path"/>, or null (no dpkg, or not from a package).</summary>
    public static string? DebianPackageOf(string path)
    {
        if (!File.Exists("/usr/bin/dpkg-query") && !File.Exists("/usr/bin/dpkg"))
        {
            return null;
        }

        // dpkg records one spelling of each path: merged-/usr systems list /lib/… for what ldconfig calls
        // /usr/lib/… (or the reverse), and update-alternatives links (libblas.so.3) belong to no package.
        var candidates = new List<string> { path };
        try
        {
            var info = new FileInfo(path);
            if (FileLinks.Target(info) is not null)
            {
                candidates.Add(FileLinks.FinalPath(info));
            }
        }
        catch (IOException)
        {
        }
        candidates.AddRange(candidates.ToList().Select(OtherUsrSpelling).OfType<string>());

        var result = ProcessRunner.Run("dpkg", ["-S", .. candidates.Distinct()], new ProcessRunOptions { Timeout = ToolTimeout });
        // "libblas3:amd64: /usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"; the exit code is 1 when any candidate is unknown.
        return ParseDpkgSearch(result.StandardOutput);
    }

    /// <summary>The package of the first line of <c>dpkg -S</c> output, without its architecture.</summary>
    internal static string? ParseDpkgSearch(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            int colonSpace = line.IndexOf(": ", StringComparison.Ordinal);
            if (colonSpace <= 0 || line.StartsWith("diversion", StringComparison.Ordinal))
            {
                continue;
            }
            string packages = line[..colonSpace].Split(',')[0].Trim();
            int arch = packages.IndexOf(':');
            return arch > 0 ? packages[..arch] : packages;
        }
        return null;
    }

    /// <summary>
    /// soname → path from <c>ldconfig -p</c> ("libblas.so.3 (libc6,x86-64) => /lib/x86_64-linux-gnu/libblas.so.3"),
    /// preferring the entry of this process's architecture over e.g. an i386 multilib copy.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> ParseLdconfig(string output, string? preferredFlag)
    {
        var found = new Dictionary<string, (string Path, bool Preferred)>(StringComparer.Ordinal);
        foreach (var raw in output.Split('\n'))
        {
            string line = raw.Trim();
            int open = line.IndexOf(" (", StringComparison.Ordinal);
            int arrow = line.IndexOf(") => ", StringComparison.Ordinal);
            if (open <= 0 || arrow < open)
            {
                continue;
            }
            string name = line[..open];
            string flags = line[(open + 2)..arrow];
            string path = line[(arrow + 5)..].Trim();
            bool preferred = preferredFlag is not null && flags.Contains(preferredFlag, StringComparison.Ordinal);
            if (!found.TryGetValue(name, out var existing) || (preferred && !existing.Preferred))
            {
                found[name] = (path, preferred);
            }
        }
        return found.ToDictionary(f => f.Key, f => f.Value.Path, StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, string> ReadLoaderCache()
    {
        // ldconfig lives in /sbin, which a non-root user's PATH often lacks.
        string? ldconfig = new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.FirstOrDefault(File.Exists);
        if (ldconfig is null)
        {
            return new Dictionary<string, string>();
        }

        var result = ProcessRunner.Run(ldconfig, ["-p"], new ProcessRunOptions { Timeout = ToolTimeout });
        return result.Succeeded ? ParseLdconfig(result.StandardOutput, LoaderArchitectureFlag()) : new Dictionary<string, string>();
    }

    // How ldconfig -p tags libraries of this process's architecture.
    private static string? LoaderArchitectureFlag() => System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86-64",
        System.Runtime.InteropServices.Architecture.Arm64 => "AArch64",
        _ => null,
    };

    private static IEnumerable<string> Folders()
    {
        string? triplet = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "x86_64-linux-gnu",
            System.Runtime.InteropServices.Architecture.Arm64 => "aarch64-linux-gnu",
            _ => null,
        };
        foreach (var folder in DefaultFolders)
        {
            if (triplet is not null)
            {
                yield return Path.Combine(folder, triplet);
            }
            yield return folder;
        }
    }

    private static string? OtherUsrSpelling(string path) =>
        path.StartsWith("/usr/lib/", StringComparison.Ordinal) ? path["/usr".Length..]
        : path.StartsWith("/lib/", StringComparison.Ordinal) ? "/usr" + path
        : null;
}
