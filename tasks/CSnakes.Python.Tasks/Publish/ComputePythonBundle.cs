using CSnakes.Manifest;
using System.Text;
using CSnakes.Python.Tasks.Publish;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Lists the files that put Python into the publish folder (<c>python/</c>: libpython, a copy of the
/// executable, the trimmed standard library with lib-dynload, the venv's site-packages) and writes the
/// published manifest, whose paths are relative to the app. With <see cref="Bundle"/> false nothing is
/// listed and the manifest names the build machine's interpreter by absolute path.
/// The manifest is rewritten only when its content changes.
/// </summary>
public sealed class ComputePythonBundle : Microsoft.Build.Utilities.Task
{
    /// <summary>Name of the project (its assembly name); names its site directory in the bundle.</summary>
    [Required]
    public string ProjectName { get; set; } = "";

    /// <summary>The published manifest to write.</summary>
    [Required]
    public string ManifestFile { get; set; } = "";

    /// <summary>Copy the interpreter into the publish folder (<c>PythonBundle</c>, default true).</summary>
    public bool Bundle { get; set; } = true;

    /// <summary>The RID being published for; empty bundles for this machine.</summary>
    public string RuntimeIdentifier { get; set; } = "";

    /// <summary>Exact version of the resolved interpreter.</summary>
    public string PythonVersion { get; set; } = "";

    /// <summary>ABI flags of the resolved interpreter.</summary>
    public string AbiFlags { get; set; } = "";

    /// <summary>The resolved shared libpython.</summary>
    public string LibPython { get; set; } = "";

    /// <summary>The resolved install prefix.</summary>
    public string PythonHome { get; set; } = "";

    /// <summary>The resolved base executable.</summary>
    public string PythonExecutable { get; set; } = "";

    /// <summary>The resolved standard library folder (<c>lib/python3.12</c>).</summary>
    public string StdLib { get; set; } = "";

    /// <summary>The venv's site-packages; empty when there is no venv. Used when <see cref="SiteDirectories"/> is empty.</summary>
    public string SitePackages { get; set; } = "";

    /// <summary>
    /// Every folder of packages the app sees, in <c>sys.path</c> order (a venv with system site-packages, an existing
    /// environment); each gets a site directory of its own in the bundle. Empty: just <see cref="SitePackages"/>.
    /// </summary>
    public ITaskItem[] SiteDirectories { get; set; } = [];

    /// <summary>Module roots relative to the publish folder (<c>.</c>: the modules are published next to the app).</summary>
    public ITaskItem[] ModuleRoots { get; set; } = [];

    /// <summary>
    /// Warn (CSPY4005) about shared libraries that bundled native modules need and the bundle lacks
    /// (<c>PythonCheckNativeDependencies</c>, default true; Linux only, see docs/native-dependencies.md).
    /// </summary>
    public bool CheckNativeDependencies { get; set; } = true;

    /// <summary>The project file, for error locations.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>The bundle's files, with <c>TargetPath</c> relative to the publish folder.</summary>
    [Output]
    public ITaskItem[] BundleFiles { get; private set; } = [];

    /// <inheritdoc/>
    public override bool Execute()
    {
        var moduleRoots = ModuleRoots.Select(r => r.ItemSpec).DefaultIfEmpty(".").ToList();
        ManifestDocument manifest;
        if (Bundle)
        {
            if (!CheckBundleInputs())
            {
                return false;
            }

            var siteDirectories = SiteDirectories.Length > 0 ? SiteDirectories.Select(d => d.ItemSpec).ToList() : [SitePackages];
            var entries = BundleCollector.Collect(new BundleSource(ProjectName, LibPython, PythonExecutable, StdLib, siteDirectories));
            BundleFiles = entries.Select(ToItem).ToArray();
            if (CheckNativeDependencies)
            {
                NativeDependencyReporter.Report(Log, ProjectFile, entries, SiteDirectory.AllIn(entries));
            }
            // Listed when they hold files, in order: Python adds them to sys.path as the build machine's interpreter did.
            var bundledSites = Enumerable.Range(0, siteDirectories.Count).Select(i => BundleLayout.SitePackages(ProjectName, i))
                .Where(site => entries.Any(e => e.TargetPath.StartsWith(site + "/", StringComparison.Ordinal))).ToList();
            // The published manifest has no venv: python/ is a plain relocatable prefix (docs/deploying.md).
            manifest = new ManifestDocument(
                ProjectName, PythonVersion, AbiFlags,
                LibPython: BundleLayout.LibPython(Path.GetFileName(LibPython)),
                PythonHome: BundleLayout.Root,
                PythonExecutable: BundleLayout.Executable(Path.GetFileName(PythonExecutable)),
                Venv: null,
                ModuleRoots: moduleRoots,
                SitePackages: bundledSites,
                SourceDirectory: null);
            Log.LogMessage(MessageImportance.Normal, $"Bundling Python {PythonVersion} for {EffectiveRuntimeIdentifier}: {entries.Count} files under {BundleLayout.Root}/.");
        }
        else
        {
            // No venv: its obj/ path does not exist where the app is deployed. The target's Python brings its own packages.
            manifest = new ManifestDocument(ProjectName, PythonVersion, AbiFlags, LibPython, PythonHome, PythonExecutable, Venv: null, moduleRoots, SitePackages: [], SourceDirectory: null);
            Log.LogMessage(MessageImportance.Normal, $"PythonBundle is false: the published app will load Python {PythonVersion} from '{LibPython}'.");
        }

        WriteIfChanged(ManifestFile, manifest.ToJson());
        return !Log.HasLoggedErrors;
    }

    private string EffectiveRuntimeIdentifier => string.IsNullOrEmpty(RuntimeIdentifier) ? BundleRuntimeIdentifier.Host() : RuntimeIdentifier;

    private bool CheckBundleInputs()
    {
        string host = BundleRuntimeIdentifier.Host();
        if (host.StartsWith("win-", StringComparison.Ordinal))
        {
            LogError("CSPY4003", $"Bundling Python into the publish folder is not supported on Windows yet (the resolved interpreter is '{PythonExecutable}'). Set PythonBundle=false and install Python on the target machine, or publish from Linux or macOS.");
            return false;
        }

        if (!BundleRuntimeIdentifier.CanBundle(EffectiveRuntimeIdentifier, host))
        {
            LogError("CSPY4001", $"Cannot bundle Python for RuntimeIdentifier '{RuntimeIdentifier}': the interpreter resolved on this machine ('{PythonExecutable}') is a {host} build, and no {RuntimeIdentifier} Python is available here. Publish with -r {host}, publish on a {RuntimeIdentifier} machine, or set PythonBundle=false to publish without Python.");
            return false;
        }

        foreach (var (what, path, isDirectory) in new[] { ("shared libpython", LibPython, false), ("executable", PythonExecutable, false), ("standard library", StdLib, true) })
        {
            if (string.IsNullOrEmpty(path) || (isDirectory ? !Directory.Exists(path) : !File.Exists(path)))
            {
                LogError("CSPY4002", $"Cannot bundle Python: the interpreter's {what} '{path}' does not exist. Rebuild the project so Python is resolved again, or set PythonBundle=false.");
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static ITaskItem ToItem(BundleEntry entry)
    {
        var item = new TaskItem(entry.SourcePath);
        item.SetMetadata("TargetPath", entry.TargetPath);
        return item;
    }

    private void LogError(string code, string message) =>
        Log.LogError(null, code, null, ProjectFile, 0, 0, 0, 0, message);

    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == content)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
