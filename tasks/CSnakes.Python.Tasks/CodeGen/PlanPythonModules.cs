using CSnakes.Python.Tasks.CodeGen;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Predicts what <see cref="GeneratePythonWrappers"/> will read and write, by the same rules (module names from paths, a
/// <c>.pyi</c> stub standing in for its <c>.py</c>, no wrapper for private modules) and without running Python, so the
/// targets know the generation target's inputs and the wrappers to compile in every build, design-time ones included.
/// Reports nothing: the generator reports what is wrong with a file when it reads it.
/// </summary>
public sealed class PlanPythonModules : Microsoft.Build.Utilities.Task
{
    /// <summary>The project's <c>.py</c>/<c>.pyi</c> files that get wrappers, and the installed modules of <c>PythonImport</c> items (<see cref="ResolvePythonImports"/>).</summary>
    public ITaskItem[] PythonFiles { get; set; } = [];

    /// <summary>Module names are the files' paths relative to this folder.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Where the generator writes the <c>&lt;dotted.module&gt;.g.cs</c> files.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>
    /// The files the generator reads: <see cref="PythonFiles"/> less each <c>.py</c> a stub stands in for, with metadata
    /// <c>ModuleName</c> (empty when the path is no module name), <c>IsPublic</c> (true/false) and <c>WrapperFile</c>
    /// (the predicted wrapper, empty when none is generated for the file).
    /// </summary>
    [Output]
    public ITaskItem[] ModuleFiles { get; private set; } = [];

    /// <summary>The wrappers predicted, one per public module name, with metadata <c>ModuleName</c> and <c>SourceFile</c> (the file read).</summary>
    [Output]
    public ITaskItem[] WrapperFiles { get; private set; } = [];

    public override bool Execute()
    {
        var files = ModuleSelection.NameFiles(ProjectDirectory, PythonFiles.Select(item => PythonInput.FromItem(item, ProjectDirectory)));
        var groups = ModuleSelection.Group(files.Where(f => f.Module is not null).Select(f => f.Module!));
        var shadowed = new HashSet<string>(groups.SelectMany(g => g.Shadowed).Select(m => m.FullPath), ModuleSelection.PathComparer);
        var wrapperOf = groups.Where(g => g.Read[0].GetsWrapper)
            .ToDictionary(g => g.ModuleName, g => Path.Combine(OutputDirectory, g.Read[0].WrapperFileName), StringComparer.Ordinal);
        var moduleOf = files.ToDictionary(f => f.FullPath, f => f.Module, ModuleSelection.PathComparer);

        var moduleFiles = new List<ITaskItem>();
        foreach (var item in PythonFiles)
        {
            var module = moduleOf[FullPath(item)];
            if (module is not null && shadowed.Contains(module.FullPath))
            {
                continue;
            }
            var planned = new TaskItem(item);
            planned.SetMetadata("ModuleName", module?.ModuleName ?? "");
            planned.SetMetadata("IsPublic", module is { GetsWrapper: true } ? "true" : "false");
            planned.SetMetadata("WrapperFile", module is not null && wrapperOf.TryGetValue(module.ModuleName, out var wrapper) ? wrapper : "");
            moduleFiles.Add(planned);
        }
        ModuleFiles = moduleFiles.ToArray();

        WrapperFiles = groups.Where(g => wrapperOf.ContainsKey(g.ModuleName)).Select(g =>
        {
            var wrapper = new TaskItem(wrapperOf[g.ModuleName]);
            wrapper.SetMetadata("ModuleName", g.ModuleName);
            wrapper.SetMetadata("SourceFile", g.Read[0].ItemSpec);
            return (ITaskItem)wrapper;
        }).ToArray();
        return true;
    }

    // The generator's own rule for an item's path (a task run outside MSBuild has no FullPath metadata).
    private string FullPath(ITaskItem item) => GeneratePythonWrappers.FullPath(item, ProjectDirectory);
}
