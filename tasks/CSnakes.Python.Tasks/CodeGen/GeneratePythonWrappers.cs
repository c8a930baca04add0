using System.Text;
using CSnakes.Modules;
using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Stages 4 and 5 of the build: reads the signatures of the Python modules with the resolved
/// interpreter (parsing only, nothing is imported) and writes one C# wrapper per module.
/// </summary>
public sealed class GeneratePythonWrappers : Microsoft.Build.Utilities.Task
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The interpreter that runs the signature reader (with <c>-I</c>).</summary>
    [Required]
    public string PythonExecutable { get; set; } = "";

    /// <summary>The <c>.py</c>/<c>.pyi</c> files to wrap.</summary>
    [Required]
    public ITaskItem[] PythonFiles { get; set; } = [];

    /// <summary>Module names are the files' paths relative to this folder.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Namespace of the generated C# types.</summary>
    [Required]
    public string RootNamespace { get; set; } = "";

    /// <summary>Where the <c>&lt;dotted.module&gt;.g.cs</c> files go.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The files written, with metadata <c>SourceFile</c> (the Python item) and <c>ModuleName</c>.</summary>
    [Output]
    public ITaskItem[] GeneratedFiles { get; private set; } = [];

    /// <summary>Overrides the reader script location (tests).</summary>
    internal string? ScriptPath { get; set; }

    public override bool Execute()
    {
        var diagnostics = new List<GenerationDiagnostic>();
        var rejected = new List<ModuleSource>();
        var files = PythonFiles.Select(item => PythonInput.FromItem(item, ProjectDirectory)).ToList();
        var modules = ModuleSelection.Select(ProjectDirectory, files, diagnostics, rejected);
        Report(diagnostics);
        foreach (var module in rejected)
        {
            DeleteOutput(module);
        }
        if (modules.Count == 0)
        {
            return !Log.HasLoggedErrors;
        }

        var result = SignatureReader.Read(PythonExecutable, modules.Select(m => new SignatureSource(m.FullPath, m.ModuleName)).ToList(), ScriptPath);
        if (result.Status != SignatureReadStatus.Succeeded)
        {
            ReportReaderFailure(result);
            foreach (var module in modules)
            {
                DeleteOutput(module);
            }
            return false;
        }

        Report(StdlibShadowing.Check(modules.Where(m => m.IsProjectModule), result.Report!.StdlibModules));
        // Which module declares each class, record and enum of the run, so that every other module names that one type.
        var index = new RunTypeIndex(RootNamespace, modules.Select((m, i) => (m.ModuleName, m.GetsWrapper, result.Report!.Files[i]))
            .Where(m => m.Item3.Error is null).ToList());
        var planned = new List<(ModuleSource Module, FileSignatures Signatures, ModuleWrapper Wrapper)>();
        for (var i = 0; i < modules.Count; i++)
        {
            if (!modules[i].GetsWrapper)
            {
                continue;
            }
            if (PlanModule(modules[i], result.Report!.Files[i], index) is { } wrapper)
            {
                planned.Add((modules[i], result.Report!.Files[i], wrapper));
            }
        }

        var generated = new List<ITaskItem>();
        foreach (var (module, _, wrapper) in planned.OrderBy(p => p.Module.ModuleName, StringComparer.Ordinal))
        {
            generated.Add(WriteModule(module, wrapper));
        }
        GeneratedFiles = generated.ToArray();
        return !Log.HasLoggedErrors;
    }

    private ModuleWrapper? PlanModule(ModuleSource module, FileSignatures signatures, RunTypeIndex index)
    {
        if (signatures.Error is { } importError && !module.IsProjectModule)
        {
            Log.LogWarning(null, DiagnosticCodes.ImportedModuleProblem, null, module.FullPath, importError.Line, importError.Column, 0, 0,
                $"This Python cannot parse the installed module '{module.ModuleName}' (from PythonImport '{module.ImportName}'): {importError.Message}. It gets no C# wrapper.");
            DeleteOutput(module);
            return null;
        }
        if (signatures.Error is { } error)
        {
            Log.LogError(null, DiagnosticCodes.SyntaxError, null, module.FullPath, error.Line, error.Column, 0, 0,
                $"Python cannot parse '{module.DisplayPath}': {error.Message}. Fix the file so that Python accepts it; no C# wrapper is generated for module '{module.ModuleName}' until then.");
            // Remove the old wrapper so the next build retries instead of trusting a stale output.
            DeleteOutput(module);
            return null;
        }

        Report(ReaderNotes.Describe(module.ModuleName, module.FullPath, signatures), module);
        var wrapper = WrapperPlanner.Plan(RootNamespace, module.ModuleName, module.FullPath, signatures, out var diagnostics, index);
        Report(diagnostics, module);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            DeleteOutput(module);
            return null;
        }
        return wrapper;
    }

    private ITaskItem WriteModule(ModuleSource module, ModuleWrapper wrapper)
    {
        // A stub, or an installed package, describes code it may not match call for call (WrapperEmitter.Arguments).
        var describesOtherCode = ModuleNaming.IsStub(module.FullPath) || !module.IsProjectModule;
        var code = WrapperEmitter.Emit(wrapper with { ElideTrailingDefaults = describesOtherCode }, module.DisplayPath);
        var outputPath = OutputPath(module);
        Directory.CreateDirectory(OutputDirectory);
        // Written only when its text changes: an edit inside a function body, or in another module, then
        // leaves the C# compiler nothing to do (the target's own stamp file records that generation ran).
        if (File.Exists(outputPath) && File.ReadAllText(outputPath, Utf8NoBom) == code)
        {
            Log.LogMessage(MessageImportance.Low, $"{outputPath} for Python module '{module.ModuleName}' is unchanged.");
        }
        else
        {
            File.WriteAllText(outputPath, code, Utf8NoBom);
            Log.LogMessage(MessageImportance.Low, $"Generated {outputPath} for Python module '{module.ModuleName}' ({wrapper.Functions.Count} functions).");
        }

        var item = new TaskItem(outputPath);
        item.SetMetadata("SourceFile", module.ItemSpec);
        item.SetMetadata("ModuleName", module.ModuleName);
        return item;
    }

    private void ReportReaderFailure(SignatureReadResult result)
    {
        if (result.Status == SignatureReadStatus.PythonNotRunnable)
        {
            Log.LogError(null, DiagnosticCodes.PythonNotRunnable, null, null, 0, 0, 0, 0,
                $"The Python interpreter '{PythonExecutable}' could not be started to read the Python signatures: {result.Problem}. "
                + "Check that the path exists and is executable (set PythonExecutable, PythonHome or PythonVersion).");
        }
        else
        {
            Log.LogError(null, DiagnosticCodes.ReaderFailed, null, null, 0, 0, 0, 0,
                $"Reading the Python signatures with '{PythonExecutable}' failed: {result.Problem}. "
                + "The signature reader needs Python 3.9 or newer; if this interpreter qualifies, please report this as a bug.");
        }
    }

    // Nothing inside an installed package may fail the user's build: its errors are warnings (the wrapper drops what
    // they are about, or the module gets none).
    private void Report(IEnumerable<GenerationDiagnostic> diagnostics, ModuleSource module) =>
        Report(module.IsProjectModule ? diagnostics : diagnostics.Select(d => d.Severity == DiagnosticSeverity.Error
            ? d with { Severity = DiagnosticSeverity.Warning, Code = DiagnosticCodes.ImportedModuleProblem, Text = $"{d.Code}: {d.Text} (installed module '{module.ModuleName}', from PythonImport '{module.ImportName}')" }
            : d));

    private void Report(IEnumerable<GenerationDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            switch (d.Severity)
            {
                case DiagnosticSeverity.Error:
                    Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Text);
                    break;
                case DiagnosticSeverity.Warning:
                    Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Text);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, d.Line > 0 ? $"{d.File}({d.Line}): {d.Text}" : $"{d.File}: {d.Text}");
                    break;
            }
        }
    }

    private void DeleteOutput(ModuleSource module)
    {
        var path = OutputPath(module);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string OutputPath(ModuleSource module) => Path.Combine(OutputDirectory, module.WrapperFileName);

    /// <summary>An item's absolute path: its FullPath metadata, or its spec against the project folder (a task run outside MSBuild has none).</summary>
    internal static string FullPath(ITaskItem item, string projectDirectory)
    {
        var fullPath = item.GetMetadata("FullPath");
        return string.IsNullOrEmpty(fullPath) ? Path.GetFullPath(item.ItemSpec, projectDirectory) : fullPath;
    }
}
