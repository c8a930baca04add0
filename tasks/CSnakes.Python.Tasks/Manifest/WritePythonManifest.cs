using System.Text;
using CSnakes.Manifest;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Writes the <c>&lt;AssemblyName&gt;.csnakes.json</c> manifest that <c>PythonEnvironment.Start()</c> reads.
/// The file is rewritten only when its content changes, so an unchanged build keeps its timestamp and the
/// copy to the output folder is skipped. (It is not a target output, so this cannot make a target re-run.)
/// </summary>
public sealed class WritePythonManifest : Microsoft.Build.Utilities.Task
{
    /// <summary>The manifest file to write.</summary>
    [Required]
    public string OutputFile { get; set; } = "";

    /// <summary>Name of the project the manifest belongs to (its assembly name).</summary>
    [Required]
    public string ProjectName { get; set; } = "";

    /// <summary>Exact version of the interpreter, e.g. <c>3.12.1</c>.</summary>
    public string PythonVersion { get; set; } = "";

    /// <summary>ABI flags of the interpreter (<c>t</c> free-threaded, <c>d</c> debug, empty for a normal build).</summary>
    public string AbiFlags { get; set; } = "";

    /// <summary>Path of the shared libpython to load.</summary>
    public string LibPython { get; set; } = "";

    /// <summary>The interpreter's install prefix (<c>sys.base_prefix</c>).</summary>
    public string PythonHome { get; set; } = "";

    /// <summary>The base interpreter's executable.</summary>
    public string PythonExecutable { get; set; } = "";

    /// <summary>The virtual environment; empty writes <c>null</c> (no venv).</summary>
    public string VenvDirectory { get; set; } = "";

    /// <summary>Folders put on <c>sys.path</c>, relative to the manifest's folder or absolute. Default: <c>.</c>.</summary>
    public ITaskItem[] ModuleRoots { get; set; } = [];

    /// <summary>
    /// The project folder the module roots' files are copied from (build manifests only; empty: none). The runtime
    /// names that folder's file in tracebacks when it exists, so an IDE opens the file the developer edits.
    /// </summary>
    public string SourceDirectory { get; set; } = "";

    /// <summary>True when the file was (re)written, false when it already had this content.</summary>
    [Output]
    public bool Written { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!HasInterpreter())
        {
            return false;
        }

        var moduleRoots = ModuleRoots.Length == 0 ? ["."] : ModuleRoots.Select(root => root.ItemSpec).ToArray();
        var manifest = new ManifestDocument(
            ProjectName,
            PythonVersion,
            AbiFlags,
            LibPython,
            PythonHome,
            PythonExecutable,
            string.IsNullOrEmpty(VenvDirectory) ? null : TrimTrailingSeparator(VenvDirectory),
            moduleRoots,
            SitePackages: [],
            SourceDirectory: string.IsNullOrEmpty(SourceDirectory) ? null : TrimTrailingSeparator(SourceDirectory));

        var json = manifest.ToJson();
        try
        {
            Written = WriteIfDifferent(OutputFile, json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "CSPY0900", null, OutputFile, 0, 0, 0, 0,
                $"Could not write the Python manifest '{OutputFile}': {ex.Message} Check that the folder is writable and not locked by a running app, then build again.");
            return false;
        }

        Log.LogMessage(MessageImportance.Low, Written ? $"Wrote Python manifest '{OutputFile}'." : $"Python manifest '{OutputFile}' is up to date.");
        return !Log.HasLoggedErrors;
    }

    private bool HasInterpreter()
    {
        var missing = new List<string>();
        if (string.IsNullOrEmpty(PythonVersion)) { missing.Add(nameof(PythonVersion)); }
        if (string.IsNullOrEmpty(LibPython)) { missing.Add(nameof(LibPython)); }
        if (string.IsNullOrEmpty(PythonHome)) { missing.Add(nameof(PythonHome)); }
        if (string.IsNullOrEmpty(PythonExecutable)) { missing.Add(nameof(PythonExecutable)); }
        if (missing.Count == 0)
        {
            return true;
        }

        Log.LogError(null, "CSPY0901", null, BuildEngine?.ProjectFileOfTaskNode ?? "", 0, 0, 0, 0,
            $"Cannot write the Python manifest '{OutputFile}' for project '{ProjectName}': no resolved Python ({string.Join(", ", missing)} empty). " +
            "The ResolvePython target must run first; if you replaced or skipped it, set the Resolved* properties before WritePythonManifest runs.");
        return false;
    }

    private static string TrimTrailingSeparator(string path) =>
        path.Length > 1 ? path.TrimEnd('/', '\\') : path;

    private static bool WriteIfDifferent(string path, string content)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllBytes(path, bytes);
        return true;
    }
}
