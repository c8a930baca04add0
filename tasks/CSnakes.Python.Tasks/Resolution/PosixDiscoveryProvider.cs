namespace CSnakes.Python.Tasks;

/// <summary>
/// Discovers interpreters on Linux and macOS (see <see cref="PosixCandidatePaths"/>) and asks each one about
/// itself, several at a time. Two paths to the same file are asked once; two interpreters that turn out to be
/// the same installation (a venv and its base) are reported once.
/// </summary>
internal sealed class PosixDiscoveryProvider(HostFacts host, IPythonProbe probe) : IPythonProvider
{
    public string Name => "discovery";

    public IReadOnlyList<PythonCandidate> FindCandidates(CancellationToken cancellationToken)
    {
        var unique = new List<(string Path, string Source)>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, source) in PosixCandidatePaths.Enumerate(host, cancellationToken))
        {
            if (seenFiles.Add(RealPath.Resolve(path)))
            {
                unique.Add((path, source));
            }
        }

        var prober = new PythonCandidateProber(probe);
        var answers = new PythonCandidate[unique.Count];
        // Each ask is a short-lived process that mostly waits on disk; a few at a time keeps 2-core machines responsive.
        Parallel.For(0, unique.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken },
            i => answers[i] = prober.Ask(unique[i].Path, unique[i].Source, cancellationToken));

        var seenInstallations = new HashSet<string>(StringComparer.Ordinal);
        return answers.Where(c => c.Installation is null || seenInstallations.Add(c.Installation.Executable)).ToList();
    }
}
