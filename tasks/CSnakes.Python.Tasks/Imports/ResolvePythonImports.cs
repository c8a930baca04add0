using CSnakes.Modules;
using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Imports;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Finds the files that type each <c>PythonImport</c> item in the project's environment (scripts/locate_imports.py, in
/// PEP 561 order, importing nothing) and hands them to code generation as items with explicit module names. The answer
/// is cached in obj/ and reused, with no Python run, while the environment's folders are unchanged.
/// </summary>
public sealed class ResolvePythonImports : Microsoft.Build.Utilities.Task
{
    /// <summary>The <c>PythonImport</c> items: importable module names; metadata <c>Submodules</c> (default true).</summary>
    public ITaskItem[] Imports { get; set; } = [];

    /// <summary>The environment's interpreter (the project's venv). Empty in design-time builds: only the cache is read.</summary>
    public string PythonExecutable { get; set; } = "";

    /// <summary>The project's own Python files: an import of a name the project holds is an error.</summary>
    public ITaskItem[] ProjectFiles { get; set; } = [];

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>obj/ file holding the last answer.</summary>
    [Required]
    public string CacheFile { get; set; } = "";

    /// <summary>Where errors about the items are reported.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>
    /// Every file of the imported packages, with metadata <c>ModuleName</c>, <c>ImportName</c> and <c>ReadOnly</c>
    /// (read for what others take from it, not wrapped).
    /// </summary>
    [Output]
    public ITaskItem[] ModuleFiles { get; private set; } = [];

    public override bool Execute()
    {
        var requests = ImportRequest.FromItems(Imports);
        if (requests.Count == 0)
        {
            return true;
        }
        var names = requests.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        var report = LocateOrReuse(names);
        if (report is null)
        {
            return !Log.HasLoggedErrors;
        }

        var projectTopLevels = ProjectTopLevelNames();
        var files = new Dictionary<string, ImportedModuleFile>(ModuleSelection.PathComparer);
        foreach (var request in requests)
        {
            var location = report.Imports.FirstOrDefault(l => l.Name == request.Name);
            if (location is null || !Check(request, location, projectTopLevels))
            {
                continue;
            }
            foreach (var file in location.Files)
            {
                var wrapped = request.Wraps(file.Module);
                if (files.TryGetValue(file.Path, out var known))
                {
                    files[file.Path] = known with { Wrapped = known.Wrapped || wrapped };
                }
                else
                {
                    files[file.Path] = new ImportedModuleFile(file.Path, file.Module, request.Name, wrapped);
                }
            }
        }
        ModuleFiles = files.Values.Select(f => f.ToItem()).ToArray();
        return !Log.HasLoggedErrors;
    }

    private ImportReport? LocateOrReuse(IReadOnlyList<string> names)
    {
        var key = ImportCache.KeyOf(PythonExecutable, names);
        if (string.IsNullOrEmpty(PythonExecutable))
        {
            // A design-time build has no environment: IntelliSense sees what the last real build found.
            return ImportCache.TryRead(CacheFile, key, anyKey: true);
        }
        if (ImportCache.TryRead(CacheFile, key) is { } cached)
        {
            Log.LogMessage(MessageImportance.Low, $"PythonImport: the environment is unchanged since {CacheFile} was written; no Python run.");
            return cached;
        }

        var report = ImportLocator.Locate(PythonExecutable, names, out var problem);
        if (report is null)
        {
            Log.LogError(null, DiagnosticCodes.ReaderFailed, null, ProjectFile, 0, 0, 0, 0,
                $"Finding the PythonImport modules with '{PythonExecutable}' failed: {problem}. If the interpreter runs, please report this as a bug.");
            return null;
        }
        ImportCache.Write(CacheFile, key, report);
        return report;
    }

    // Reports what is wrong with one import; true when its files are to be read.
    private bool Check(ImportRequest request, ImportLocation location, IReadOnlyDictionary<string, string> projectTopLevels)
    {
        var topLevel = request.Name.Split('.')[0];
        if (projectTopLevels.TryGetValue(topLevel, out var projectFile))
        {
            Log.LogError(null, DiagnosticCodes.ImportIsProjectModule, null, ProjectFile, 0, 0, 0, 0,
                $"PythonImport '{request.Name}' names the top-level module '{topLevel}', which the project itself holds ('{projectFile}'). The project's folder "
                + $"comes first on sys.path, so Python would import the project's file, not the installed package. Rename the project's module, or remove the PythonImport item.");
            return false;
        }
        switch (location.Kind)
        {
            case ImportKind.Missing:
                Log.LogError(null, DiagnosticCodes.ImportNotFound, null, ProjectFile, 0, 0, 0, 0,
                    $"PythonImport '{request.Name}' is not importable with '{PythonExecutable}': no '{topLevel}-stubs' package, no package or module '{request.Name}' "
                    + $"in {string.Join(", ", location.LookedIn.Select(p => $"'{p}'"))}. Add its distribution to requirements.txt (or set PythonSystemSitePackages=true "
                    + "to see the system's packages), or check the spelling: it is the name Python imports (yaml, not PyYAML).");
                return false;
            case ImportKind.NoSource:
                Log.LogWarning(null, DiagnosticCodes.ImportHasNoSource, null, ProjectFile, 0, 0, 0, 0,
                    $"PythonImport '{request.Name}' is importable ('{location.Root ?? "built into the interpreter"}'), but it has no Python source or stub to read, so no C# "
                    + $"wrapper is generated. Install its stubs ({location.StubDistribution}) into the environment, or call it through PyObject.");
                return false;
            case ImportKind.Untyped:
                var help = location.StubDistribution == "mypy"
                    ? "install a type checker that carries typeshed's standard-library stubs into the environment (pip install mypy; Debian: python3-mypy with PythonSystemSitePackages=true)"
                    : $"install its stubs into the environment if they exist ({location.StubDistribution}; Debian's python3-typeshed carries many)";
                Log.LogWarning(null, DiagnosticCodes.ImportUntyped, null, ProjectFile, 0, 0, 0, 0,
                    $"PythonImport '{request.Name}': '{location.Root}' has no stubs and no py.typed marker, so its own annotations are read and unannotated "
                    + $"parameters and results are PyObject. For complete types, {help}.");
                return true;
            default:
                Log.LogMessage(MessageImportance.Low, $"PythonImport '{request.Name}': types from {location.Kind} at '{location.Root}' ({location.Files.Count} files).");
                return true;
        }
    }

    // Top-level module names of the project's own files, with one file that has each.
    private Dictionary<string, string> ProjectTopLevelNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ProjectFiles)
        {
            var fullPath = GeneratePythonWrappers.FullPath(item, ProjectDirectory);
            if (ModuleNames.TryGetModuleName(ProjectDirectory, fullPath, out _) is { } module && !names.ContainsKey(module.Split('.')[0]))
            {
                names[module.Split('.')[0]] = item.ItemSpec;
            }
        }
        return names;
    }
}
