using CSnakes.Manifest;
using CSnakes.Python.Tasks.Manifest;
using Microsoft.Build.Framework;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Checks, in an app, the manifests of every Python library it ended up with (its output folder's
/// <c>*.csnakes.json</c>): one process hosts one interpreter, so they must name the same libpython (CSPY0006),
/// and their venvs all go on one <c>sys.path</c>, so a distribution installed at two versions means one library
/// silently runs against the other's version (CSPY1008). Both would otherwise surface only at run time, or never.
/// </summary>
public sealed class CheckPythonEnvironments : Microsoft.Build.Utilities.Task
{
    /// <summary>The manifests in the app's output folder.</summary>
    public ITaskItem[] ManifestFiles { get; set; } = [];

    /// <summary>The app's project, where the errors are reported.</summary>
    public string ProjectFile { get; set; } = "";

    /// <inheritdoc/>
    public override bool Execute()
    {
        var libraries = new List<(string Project, string LibPython, string Version, string? Venv)>();
        foreach (var item in ManifestFiles)
        {
            if (Read(item.GetMetadata("FullPath")) is { } library)
            {
                libraries.Add(library);
            }
        }
        if (libraries.Count < 2)
        {
            return true;
        }

        var interpreters = libraries.GroupBy(l => SamePathKey(l.LibPython)).ToList();
        if (interpreters.Count > 1)
        {
            Log.LogError(null, "CSPY0006", null, ProjectFile, 0, 0, 0, 0,
                "The Python libraries of this app were built with different interpreters: " +
                string.Join("; ", libraries.Select(l => $"{l.Project} uses Python {l.Version} ({l.LibPython})")) +
                ". One process hosts one interpreter, so PythonEnvironment.Start() would refuse them: set the same PythonVersion in every Python project (for example in a Directory.Build.props).");
            return false;
        }

        var installed = libraries.Where(l => l.Venv is not null && Directory.Exists(l.Venv))
            .Select(l => (l.Project, Distributions: InstalledDistributions.Read(l.Venv!)))
            .ToList();
        foreach (var name in installed.SelectMany(i => i.Distributions.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var versions = installed.Where(i => i.Distributions.ContainsKey(name))
                .Select(i => (i.Project, Installed: i.Distributions[name]))
                .ToList();
            if (versions.Select(v => v.Installed.Version).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                Log.LogError(null, "CSPY1008", null, ProjectFile, 0, 0, 0, 0,
                    $"'{versions[0].Installed.Name}' is installed at different versions by the Python libraries of this app: " +
                    string.Join(", ", versions.Select(v => $"{v.Installed.Version} ({v.Project})")) +
                    ". All their venvs share one interpreter's sys.path, where the first one wins, so a library would run against a version it did not ask for. " +
                    "Pin the same version in their requirements, or reference the libraries as packages (dotnet pack): an app installs its packages' requirements together, and pip resolves them or says why it cannot.");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private (string Project, string LibPython, string Version, string? Venv)? Read(string manifestPath)
    {
        try
        {
            var document = ManifestDocument.Parse(File.ReadAllText(manifestPath));
            var folder = Path.GetDirectoryName(manifestPath)!;
            string? Resolve(string? path) => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path, folder);
            return (document.Project ?? Path.GetFileName(manifestPath), Resolve(document.LibPython) ?? "", document.PythonVersion ?? "", Resolve(document.Venv));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ManifestFormatException)
        {
            // The runtime reports an unreadable manifest with its path when the app starts; nothing to compare here.
            Log.LogMessage(MessageImportance.Low, $"Skipping {manifestPath}: {e.Message}");
            return null;
        }
    }

    private static string SamePathKey(string path)
    {
        var real = File.Exists(path) ? RealPath.Resolve(path) : path;
        return OperatingSystem.IsWindows() ? real.ToUpperInvariant() : real;
    }
}
