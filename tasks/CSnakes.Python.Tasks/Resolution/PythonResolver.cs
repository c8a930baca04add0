namespace CSnakes.Python.Tasks;

/// <summary>
/// Picks the Python for a build: a pinned interpreter (<c>PythonExecutable</c>, then <c>PythonHome</c>) when given;
/// else <c>CSNAKES_PYTHON</c> when it fits; else the providers for this OS in order (Windows: NuGet package;
/// macOS: python.org framework, then discovery; Linux: discovery), the first provider with a match winning with
/// its newest match.
/// </summary>
internal sealed class PythonResolver(HostFacts host, IPythonProbe probe, string nuGetPackagesRoot)
{
    public const string NoMatchCode = "CSPY0001";
    public const string BadPinCode = "CSPY0002";
    public const string IgnoredEnvironmentPythonCode = "CSPY0004";

    private readonly PythonCandidateProber prober = new(probe);

    public IReadOnlyList<IPythonProvider> Providers => host.Os switch
    {
        HostOs.Windows => [new WindowsNuGetPythonProvider(nuGetPackagesRoot, host.Architecture)],
        HostOs.MacOS => [new MacFrameworkPythonProvider(host.MacFrameworksRoot), new PosixDiscoveryProvider(host, probe)],
        _ => [new PosixDiscoveryProvider(host, probe)],
    };

    public ResolutionOutcome Resolve(PythonVersionSpec spec, string? executablePin, string? homePin, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(executablePin))
        {
            return ResolvePin(spec, Path.GetFullPath(executablePin), "PythonExecutable", cancellationToken);
        }
        if (!string.IsNullOrWhiteSpace(homePin))
        {
            var home = Path.GetFullPath(homePin);
            var executable = ExecutablesUnderHome(home).FirstOrDefault(File.Exists);
            if (executable is null)
            {
                return Failed(BadPinCode,
                    $"PythonHome '{home}' holds no Python interpreter (looked for {string.Join(", ", ExecutablesUnderHome(home))}). " +
                    "Set PythonHome to an installation's prefix (the folder that holds bin/python3, or python.exe on Windows), " +
                    "set PythonExecutable instead, or remove both to let the build find a Python.");
            }
            return ResolvePin(spec, executable, "PythonHome", cancellationToken);
        }

        var seen = new List<PythonCandidate>();
        var diagnostics = new List<ResolutionDiagnostic>();
        var fromEnvironment = host.GetEnvironmentVariable("CSNAKES_PYTHON");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var asked = prober.Ask(fromEnvironment, "CSNAKES_PYTHON", cancellationToken);
            var chosen = CandidateSelector.SelectNewest([asked], spec, out var judged);
            if (chosen is not null)
            {
                return new ResolutionOutcome(chosen, judged, diagnostics);
            }
            seen.AddRange(judged);
            diagnostics.Add(new ResolutionDiagnostic(false, IgnoredEnvironmentPythonCode,
                $"The CSNAKES_PYTHON environment variable names '{fromEnvironment}', which was not used: {judged[0].Rejection}. " +
                "Searching for another Python instead. Point CSNAKES_PYTHON at a usable interpreter or unset it."));
        }

        foreach (var provider in Providers)
        {
            var chosen = CandidateSelector.SelectNewest(provider.FindCandidates(cancellationToken), spec, out var judged);
            seen.AddRange(judged);
            if (chosen is not null)
            {
                return new ResolutionOutcome(chosen, seen, diagnostics);
            }
        }

        diagnostics.Add(new ResolutionDiagnostic(true, NoMatchCode, NoMatchMessage(spec, seen)));
        return new ResolutionOutcome(null, seen, diagnostics);
    }

    private ResolutionOutcome ResolvePin(PythonVersionSpec spec, string executable, string pinName, CancellationToken cancellationToken)
    {
        if (!File.Exists(executable))
        {
            return Failed(BadPinCode,
                $"{pinName} names '{executable}', which does not exist. Set {pinName} to an installed Python, or remove it to let the build find one.");
        }
        var asked = prober.Ask(executable, pinName, cancellationToken);
        var chosen = CandidateSelector.SelectNewest([asked], spec, out var judged);
        if (chosen is not null)
        {
            return new ResolutionOutcome(chosen, judged, []);
        }
        return new ResolutionOutcome(null, judged, [new ResolutionDiagnostic(true, BadPinCode,
            $"{pinName} names '{executable}', which cannot be used: {judged[0].Rejection}. " +
            $"Point {pinName} at a CPython {CandidateSelector.MinimumVersion}+ with a shared libpython{(spec.IsAny ? "" : $" matching PythonVersion '{spec.Text}'")}, or remove it to let the build find one.")]);
    }

    private IEnumerable<string> ExecutablesUnderHome(string home) => host.Os == HostOs.Windows
        ? [Path.Combine(home, "python.exe")]
        : [Path.Combine(home, "bin", "python3"), Path.Combine(home, "bin", "python")];

    private static ResolutionOutcome Failed(string code, string message) =>
        new(null, [], [new ResolutionDiagnostic(true, code, message)]);

    private string NoMatchMessage(PythonVersionSpec spec, IReadOnlyList<PythonCandidate> seen)
    {
        var wanted = spec.IsAny && !spec.FreeThreaded
            ? "No usable Python was found (a CPython " + CandidateSelector.MinimumVersion + " or newer with a shared libpython is needed)."
            : $"No Python matching PythonVersion '{spec.Text}' ({spec.Description}) was found.";
        var lines = new List<string> { wanted };
        if (seen.Count == 0)
        {
            lines.Add("No interpreters were found at all. " + WhereWeLooked());
        }
        else
        {
            lines.Add("Candidates seen:");
            lines.AddRange(seen.Select(c => "  - " + c.Describe()));
        }
        lines.Add("To fix: " + HowToFix(spec));
        return string.Join(Environment.NewLine, lines);
    }

    private string WhereWeLooked() => host.Os == HostOs.Windows
        ? $"Looked for the '{WindowsNuGetPythonProvider.PackageId(host.Architecture)}' NuGet package in {Path.Combine(nuGetPackagesRoot, WindowsNuGetPythonProvider.PackageId(host.Architecture))}."
        : "Looked in CSNAKES_PYTHON, uv-managed installs, pyenv, conda, " + string.Join(", ", host.SystemBinDirectories) + " and PATH"
          + (host.Os == HostOs.MacOS ? $", and {host.MacFrameworksRoot}/Python.framework." : ".");

    private string HowToFix(PythonVersionSpec spec)
    {
        var example = spec.IsAny ? "3.12" : spec.Text.TrimEnd('t', 'T').Trim('[', '(', ']', ')').Split(',')[0];
        var pin = "or set PythonExecutable (or the CSNAKES_PYTHON environment variable) to the full path of a suitable interpreter.";
        return host.Os switch
        {
            HostOs.Windows =>
                $"make sure the '{WindowsNuGetPythonProvider.PackageId(host.Architecture)}' package at a version in range is restored (run 'dotnet restore'), " +
                $"set PythonVersion to a version published on nuget.org, {pin}",
            HostOs.MacOS =>
                $"install Python {example} from python.org (or with uv/pyenv/Homebrew), set PythonVersion to an installed version, {pin}",
            _ =>
                $"install CPython {example} with a shared library (e.g. 'uv python install {example}', " +
                $"'PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install {example}', or your distribution's python3 and libpython3 packages), " +
                $"set PythonVersion to one of the versions listed above, {pin}",
        };
    }
}
