using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Chooses the CPython a project builds against and embeds (stage 2 of the build). See docs/errors.md
/// for the errors it reports.
/// </summary>
public sealed class ResolvePython : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>
    /// A version or NuGet range: <c>3.12</c> (any 3.12.x), <c>3.12.1</c> (exactly), <c>[3.10,3.14)</c>, <c>[3.10,)</c>;
    /// a trailing <c>t</c> asks for a free-threaded build. Empty: the newest CPython with a shared libpython.
    /// </summary>
    public string? PythonVersion { get; set; }

    /// <summary>Pins an interpreter by path; it must exist and fit <see cref="PythonVersion"/>.</summary>
    public string? PythonExecutable { get; set; }

    /// <summary>Pins an installation by its prefix (the folder holding <c>bin/python3</c>, or <c>python.exe</c> on Windows).</summary>
    public string? PythonHome { get; set; }

    /// <summary>JSON file (in obj/) that keeps the answer while the inputs and the chosen interpreter are unchanged.</summary>
    public string? CacheFile { get; set; }

    /// <summary>The project, named in errors.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>NuGet's global packages folder (Windows looks for the <c>python</c> package there); defaults to NUGET_PACKAGES or ~/.nuget/packages.</summary>
    public string? NuGetPackageRoot { get; set; }

    /// <summary>
    /// Packed Python libraries this project takes (<c>PythonPackage</c> items): each one's <c>PythonVersion</c> metadata
    /// is a range the chosen interpreter must also fit (CSPY0005 when the ranges cannot all be met).
    /// </summary>
    public ITaskItem[] PackagePythonVersions { get; set; } = [];

    /// <summary>The chosen interpreter's executable (links resolved).</summary>
    [Output] public string ResolvedExecutable { get; private set; } = "";

    /// <summary>Its version as Python writes it, e.g. <c>3.12.1</c>.</summary>
    [Output] public string ResolvedVersion { get; private set; } = "";

    /// <summary>The shared library to load when embedding.</summary>
    [Output] public string ResolvedLibPython { get; private set; } = "";

    /// <summary>The installation prefix (<c>sys.base_prefix</c>).</summary>
    [Output] public string ResolvedHome { get; private set; } = "";

    /// <summary>The standard library folder.</summary>
    [Output] public string ResolvedStdLib { get; private set; } = "";

    /// <summary>ABI flags: empty, or <c>t</c> for a free-threaded build.</summary>
    [Output] public string ResolvedAbiFlags { get; private set; } = "";

    internal HostFacts Host { get; set; } = HostFacts.Current;

    internal IPythonProbe Probe { get; set; } = PythonProbe.Instance;

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!PythonVersionSpec.TryParse(PythonVersion, out var spec, out var specError))
        {
            LogProjectError("CSPY0003", specError!);
            return false;
        }
        if (!PackageVersionConstraints.TryApply(spec, PackagePythonVersions, out spec, out var packageError))
        {
            LogProjectError(PackageVersionConstraints.ErrorCode, packageError!);
            return false;
        }

        var key = CacheKey();
        if (!string.IsNullOrEmpty(CacheFile) && ResolutionCache.TryRead(CacheFile, key, out var cached, out var cachedSource))
        {
            SetOutputs(cached);
            Log.LogMessage(MessageImportance.Low, $"Python {cached.Version} at {cached.Executable} ({cachedSource}), from {CacheFile}.");
            return true;
        }

        ResolutionOutcome outcome;
        try
        {
            outcome = new PythonResolver(Host, Probe, PackagesRoot()).Resolve(spec, PythonExecutable, PythonHome, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "Python resolution was canceled.");
            return false;
        }

        foreach (var candidate in outcome.Seen)
        {
            Log.LogMessage(MessageImportance.Low, "Python candidate " + candidate.Describe());
        }
        foreach (var diagnostic in outcome.Diagnostics)
        {
            if (diagnostic.IsError)
            {
                LogProjectError(diagnostic.Code, diagnostic.Message);
            }
            else
            {
                Log.LogWarning(null, diagnostic.Code, null, Location, 0, 0, 0, 0, diagnostic.Message);
            }
        }
        if (outcome.Chosen?.Installation is not { } chosen)
        {
            return false;
        }

        SetOutputs(chosen);
        Log.LogMessage(MessageImportance.Normal, $"Using Python {chosen.Version} at {chosen.Executable} ({outcome.Chosen.Source}); libpython {chosen.LibPython}.");
        if (!string.IsNullOrEmpty(CacheFile) && ResolutionCache.Write(CacheFile, key, chosen, outcome.Chosen.Source) is { } writeError)
        {
            Log.LogMessage(MessageImportance.Low, $"Could not write {CacheFile} (the next build resolves again): {writeError}");
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>The cache key for the current inputs and machine (tests use it to plant a cache entry).</summary>
    internal string CacheKey() => ResolutionCacheKey.Compute(Host, VersionKey(), PythonExecutable, PythonHome, PackagesRoot());

    private string? VersionKey() =>
        PackagePythonVersions.Length == 0 ? PythonVersion : PythonVersion + "|" + PackageVersionConstraints.Describe(PackagePythonVersions);

    private string PackagesRoot()
    {
        if (!string.IsNullOrWhiteSpace(NuGetPackageRoot))
        {
            return NuGetPackageRoot;
        }
        var fromEnvironment = Host.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment : Path.Combine(Host.HomeDirectory, ".nuget", "packages");
    }

    private string Location => string.IsNullOrEmpty(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode ?? "" : ProjectFile;

    private void LogProjectError(string code, string message) => Log.LogError(null, code, null, Location, 0, 0, 0, 0, message);

    private void SetOutputs(PythonInstallation installation)
    {
        ResolvedExecutable = installation.Executable;
        ResolvedVersion = installation.Version;
        ResolvedLibPython = installation.LibPython;
        ResolvedHome = installation.Home;
        ResolvedStdLib = installation.StdLib;
        ResolvedAbiFlags = installation.AbiFlags;
    }
}
