using System.Text;
using CSnakes.Python.Tasks.Publish;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Compiles the <c>.py</c> files that go into the publish folder to <c>.pyc</c> with the bundled interpreter
/// (<c>PythonCompileBytecode</c>), into <see cref="OutputDirectory"/>, and lists each one with the
/// <c>TargetPath</c> where CPython looks for it (<c>&lt;dir&gt;/__pycache__/&lt;name&gt;.&lt;cache tag&gt;.pyc</c>).
/// The pycs are unchecked-hash: valid whatever timestamps the copy gives the files, never rewritten by
/// Python. A file that does not compile is left out with a message (CPython compiles nothing for it
/// either until it is imported); only a compile step that cannot run at all is an error (CSPY4004).
/// With nothing changed since the last run, the last result is reused without starting Python.
/// The standard library's pycs go to <see cref="SharedOutputDirectory"/> when it is set: every project that
/// bundles one interpreter then lists the very same files, so an app with several Python libraries
/// publishes each once (as it does the stdlib's .py files) instead of failing on duplicates (NETSDK1152).
/// </summary>
public sealed class CompilePythonBytecode : Microsoft.Build.Utilities.Task
{
    /// <summary>Script that does the compiling, next to the task assembly.</summary>
    internal const string ScriptFileName = "compile_bytecode.py";

    /// <summary>The resolved base interpreter: the one that is bundled, so the pyc magic number matches.</summary>
    [Required]
    public string PythonExecutable { get; set; } = "";

    /// <summary>Files going to the publish folder, with <c>TargetPath</c>; those ending in <c>.py</c> are compiled.</summary>
    public ITaskItem[] SourceFiles { get; set; } = [];

    /// <summary>Folder (under obj/) that receives the pycs, laid out like the publish folder.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>
    /// Machine-wide folder for the standard library's pycs (one subfolder per interpreter, by its real path);
    /// empty puts them in <see cref="OutputDirectory"/> with the rest.
    /// </summary>
    public string SharedOutputDirectory { get; set; } = "";

    /// <summary>The project file, for error locations.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>Overrides the script location (tests).</summary>
    internal string? ScriptPath { get; set; }

    /// <summary>One item per pyc, with <c>TargetPath</c> relative to the publish folder.</summary>
    [Output]
    public ITaskItem[] BytecodeFiles { get; private set; } = [];

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            return Compile();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // E.g. a full disk while writing the request or the stamp: a coded error, not a task crash (MSB4018).
            string why = OutOfSpace.Caused(e) ? "the disk is full" : "a file cannot be written";
            LogError($"Cannot precompile Python bytecode: {why} ({e.Message}). Free some space or make '{OutputDirectory}' writable, or set PythonCompileBytecode=false.");
            return false;
        }
    }

    private bool Compile()
    {
        string outputDirectory = Path.GetFullPath(OutputDirectory);
        var sources = PythonSources(outputDirectory);
        if (sources.Count == 0)
        {
            return true;
        }

        string script = ScriptPath ?? HelperScripts.PathOf(ScriptFileName);
        string stampFile = Path.Combine(outputDirectory, "bytecode.stamp");
        string resultFile = Path.Combine(outputDirectory, "bytecode.result.json");
        string stamp = BytecodeStamp.Compute(PythonExecutable, script, sources);

        if (ReuseLastResult(stampFile, stamp, resultFile) is { } previous)
        {
            Log.LogMessage(MessageImportance.Normal, $"Python bytecode is up to date: {previous.Compiled.Count} files ({previous.CacheTag}) in '{outputDirectory}'.");
            BytecodeFiles = previous.Compiled.Select(ToItem).ToArray();
            return true;
        }

        var result = RunScript(script, outputDirectory, resultFile, sources);
        if (result is null)
        {
            return false;
        }

        foreach (var skipped in result.Skipped)
        {
            Log.LogMessage(MessageImportance.Low, $"Not precompiling '{skipped.SourcePath}' (Python compiles it when it is imported, if it ever is): {skipped.Reason}");
        }
        Log.LogMessage(MessageImportance.Normal,
            $"Precompiled Python bytecode ({result.CacheTag}, unchecked-hash): {result.Compiled.Count} files, {result.Written} written, {result.Skipped.Count} skipped, in '{outputDirectory}'.");
        File.WriteAllText(stampFile, stamp, Encoding.ASCII);
        BytecodeFiles = result.Compiled.Select(ToItem).ToArray();
        return true;
    }

    // Sorted by target and one entry per target, so the request (and the stamp) is the same on every run.
    private List<BytecodeSource> PythonSources(string outputDirectory)
    {
        string stdLibOutput = string.IsNullOrEmpty(SharedOutputDirectory)
            ? outputDirectory
            : Path.Combine(PrivateCacheFolder.Resolve(SharedOutputDirectory, why => Log.LogMessage(MessageImportance.Low, why)), InterpreterKey());
        string stdLibPrefix = BundleLayout.Root + "/lib/";
        return SourceFiles
            .Where(f => f.ItemSpec.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
            .Select(f =>
            {
                string target = f.GetMetadata("TargetPath").Replace('\\', '/');
                bool stdLib = target.StartsWith(stdLibPrefix, StringComparison.Ordinal);
                return new BytecodeSource(Path.GetFullPath(f.ItemSpec), target, stdLib ? stdLibOutput : outputDirectory);
            })
            .Where(s => s.TargetPath.Length > 0)
            .GroupBy(s => s.TargetPath, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(s => s.TargetPath, StringComparer.Ordinal)
            .ToList();
    }

    // One folder per interpreter install: two interpreters of one version have different stdlib sources, and
    // an unchecked-hash pyc is never compared with its source at run time.
    private string InterpreterKey() =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(RealPath.Resolve(PythonExecutable))))[..16].ToLowerInvariant();

    private static BytecodeResult? ReuseLastResult(string stampFile, string stamp, string resultFile)
    {
        if (!File.Exists(stampFile) || File.ReadAllText(stampFile, Encoding.ASCII) != stamp)
        {
            return null;
        }
        var previous = BytecodeExchange.ReadResult(resultFile);
        // A cleaned or half-deleted output folder is compiled again, and so is one where a pyc is no longer the
        // file the script wrote (the stdlib's pycs sit in a machine-wide cache that outlives this stamp).
        return previous is not null && previous.Compiled.All(c => CacheEntryHash.Matches(c.PycPath)) ? previous : null;
    }

    private BytecodeResult? RunScript(string script, string outputDirectory, string resultFile, List<BytecodeSource> sources)
    {
        if (!File.Exists(script))
        {
            LogError($"Cannot precompile Python bytecode: the helper script '{script}' is missing from the SDK. Reinstall the CSnakes.Python.Sdk package, or set PythonCompileBytecode=false.");
            return null;
        }

        Directory.CreateDirectory(outputDirectory);
        string requestFile = Path.Combine(outputDirectory, "bytecode.request.json");
        BytecodeExchange.WriteRequest(requestFile, new BytecodeRequest(sources));
        File.Delete(resultFile);

        var tail = new OutputTail(20);
        // -I: isolated; -B: importing the script's own modules writes no __pycache__ into the interpreter's install.
        var run = ProcessRunner.Run(PythonExecutable, ["-I", "-B", script, requestFile, resultFile], new ProcessRunOptions
        {
            Environment = new Dictionary<string, string?> { ["PYTHONIOENCODING"] = "utf-8" },
            CaptureOutput = false,
            OnStandardOutput = tail.Add,
            OnStandardError = tail.Add,
            Timeout = TimeSpan.FromMinutes(30),
        });
        var result = run.Succeeded ? BytecodeExchange.ReadResult(resultFile) : null;
        if (result is null)
        {
            string why = run.Succeeded ? "wrote no result" : run.Describe();
            LogError($"Cannot precompile Python bytecode: '{PythonExecutable} -I -B {script}' {why}.{Environment.NewLine}{tail}{Environment.NewLine}Rebuild so Python is resolved again (the interpreter must still run), or set PythonCompileBytecode=false to publish without .pyc files.");
        }
        return result;
    }

    private static ITaskItem ToItem(CompiledBytecode compiled)
    {
        var item = new TaskItem(compiled.PycPath);
        item.SetMetadata("TargetPath", compiled.TargetPath);
        return item;
    }

    private void LogError(string message) =>
        Log.LogError(null, "CSPY4004", null, ProjectFile, 0, 0, 0, 0, message);
}
