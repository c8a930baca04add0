using CSnakes.Modules;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>A Python file chosen to get a wrapper.</summary>
// ItemSpec: The item as the project listed it (reported back as SourceFile).
// FullPath: The absolute path, read by the signature script and used in diagnostics.
// DisplayPath: The project-relative path with '/' separators (an installed module's full path), for the generated header.
internal sealed record ModuleSource(string ModuleName, string ItemSpec, string FullPath, string DisplayPath)
{
    public string Accessor => CSharpNames.ModuleAccessor(ModuleName);

    /// <summary>A private module (a dotted part starts with '_') is read, for what other modules re-export from it, but gets no wrapper.</summary>
    public bool IsPrivate => ModuleNaming.IsPrivate(ModuleName);

    /// <summary>The <c>PythonImport</c> item this installed module was found for; null for the project's own files.</summary>
    public string? ImportName { get; init; }

    /// <summary>Read for what other modules take from it, but not wrapped (a module of an import outside what it asked for).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Whether the module gets a C# wrapper.</summary>
    public bool GetsWrapper => !IsPrivate && !ReadOnly;

    /// <summary>Whether the module is the project's own (nothing inside an installed package may fail the user's build).</summary>
    public bool IsProjectModule => ImportName is null;

    /// <summary>The wrapper's file name, <c>&lt;dotted.module&gt;.g.cs</c>; the build predicts it and the generator writes it.</summary>
    public string WrapperFileName => ModuleName + ".g.cs";

    /// <summary>Every top-level C# type name the module's wrapper declares.</summary>
    public IEnumerable<string> TypeNames =>
    [
        CSharpNames.InterfaceName(Accessor),
        CSharpNames.TypesClassName(Accessor),
        CSharpNames.ImplementationName(Accessor),
        CSharpNames.ExtensionsClassName(Accessor),
    ];
}

/// <summary>
/// One file given to the generator: a project item (its module name comes from its path) or a module of an installed package
/// found for a <c>PythonImport</c> item (<see cref="ModuleName"/> and <see cref="ImportName"/> set; the task item carries them as metadata).
/// </summary>
internal sealed record PythonInput(string ItemSpec, string FullPath, string? ModuleName = null, string? ImportName = null, bool ReadOnly = false)
{
    /// <summary>Metadata names on the task items that carry an installed module (written by ResolvePythonImports).</summary>
    public const string ModuleNameMetadata = "ModuleName", ImportNameMetadata = "ImportName", ReadOnlyMetadata = "ReadOnly";

    public static implicit operator PythonInput((string ItemSpec, string FullPath) file) => new(file.ItemSpec, file.FullPath);

    /// <summary>An item of the generator's input: a project file, or (with <c>ImportName</c> metadata) an installed module.</summary>
    public static PythonInput FromItem(Microsoft.Build.Framework.ITaskItem item, string projectDirectory)
    {
        var fullPath = GeneratePythonWrappers.FullPath(item, projectDirectory);
        var importName = item.GetMetadata(ImportNameMetadata);
        return string.IsNullOrEmpty(importName)
            ? new PythonInput(item.ItemSpec, fullPath)
            : new PythonInput(item.ItemSpec, fullPath, item.GetMetadata(ModuleNameMetadata), importName,
                item.GetMetadata(ReadOnlyMetadata) == "true");
    }
}

/// <summary>A PythonFiles item and the module it is; <see cref="Module"/> is null when it has no module name (<see cref="Problem"/> says why).</summary>
internal sealed record ModuleFile(string ItemSpec, string FullPath, ModuleSource? Module, string? Problem);

/// <summary>
/// The files of one module name: <see cref="Read"/> the ones whose signatures are read (the stubs when there are any,
/// else the <c>.py</c> files; more than one is a collision), <see cref="Shadowed"/> the <c>.py</c> files a stub stands in for.
/// </summary>
internal sealed record ModuleGroup(string ModuleName, IReadOnlyList<ModuleSource> Read, IReadOnlyList<ModuleSource> Shadowed);

/// <summary>
/// Turns the PythonFiles items into modules: names them, lets a <c>.pyi</c> stub stand in for its
/// <c>.py</c>, skips unnamed files, marks private ones (read, not wrapped), and rejects modules whose C# names would collide.
/// The build's PlanPythonModules (which predicts the wrappers) and GeneratePythonWrappers (which writes them) both decide with it.
/// </summary>
internal static class ModuleSelection
{
    /// <summary>Each distinct file (by path) with its module name, in the order given.</summary>
    public static IReadOnlyList<ModuleFile> NameFiles(string projectDirectory, IEnumerable<PythonInput> files)
    {
        var named = new List<ModuleFile>();
        foreach (var file in files.DistinctBy(f => f.FullPath, PathComparer))
        {
            if (file.ImportName is not null)
            {
                // An installed module: its name was found on the environment's search path, not in the project folder.
                var imported = new ModuleSource(file.ModuleName!, file.ItemSpec, file.FullPath, file.FullPath.Replace('\\', '/'))
                {
                    ImportName = file.ImportName,
                    ReadOnly = file.ReadOnly,
                };
                named.Add(new ModuleFile(file.ItemSpec, file.FullPath, imported, null));
                continue;
            }
            var moduleName = ModuleNames.TryGetModuleName(projectDirectory, file.FullPath, out var problem);
            var module = moduleName is null ? null : new ModuleSource(moduleName, file.ItemSpec, file.FullPath, ModuleNames.RelativePath(projectDirectory, file.FullPath));
            named.Add(new ModuleFile(file.ItemSpec, file.FullPath, module, problem));
        }
        return named;
    }

    /// <summary>The modules by name (ordinal order); within one, a stub wins over the implementation, since it states the signatures on purpose.</summary>
    public static IReadOnlyList<ModuleGroup> Group(IEnumerable<ModuleSource> modules) =>
        modules.GroupBy(m => m.ModuleName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var stubs = g.Where(c => ModuleNaming.IsStub(c.FullPath)).OrderBy(c => c.DisplayPath, StringComparer.Ordinal).ToList();
                var sources = g.Where(c => !ModuleNaming.IsStub(c.FullPath)).OrderBy(c => c.DisplayPath, StringComparer.Ordinal).ToList();
                return stubs.Count > 0 ? new ModuleGroup(g.Key, stubs, sources) : new ModuleGroup(g.Key, sources, []);
            })
            .ToList();

    /// <summary>The modules to read, sorted by name, with the diagnostics about the rest; <paramref name="rejected"/> collects colliding modules.</summary>
    public static IReadOnlyList<ModuleSource> Select(
        string projectDirectory,
        IEnumerable<PythonInput> files,
        List<GenerationDiagnostic> diagnostics,
        List<ModuleSource> rejected)
    {
        var named = NameFiles(projectDirectory, files);
        foreach (var file in named)
        {
            if (file.Module is not { } source)
            {
                diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.NoModuleName, file.FullPath, 0, 0,
                    $"No C# wrapper is generated for '{file.ItemSpec}': {file.Problem}. Rename or move the file, or remove it from the PythonFile items."));
            }
            else if (source.IsPrivate && source.IsProjectModule)
            {
                diagnostics.Add(GenerationDiagnostic.Message(file.FullPath, 0, $"'{source.ModuleName}' is a private module (a name part starts with '_') and gets no C# wrapper; it is read for what other modules re-export from it."));
            }
        }

        var chosen = new List<ModuleSource>();
        foreach (var (moduleName, read, shadowed) in Group(named.Where(f => f.Module is not null).Select(f => f.Module!)))
        {
            if (read.Count > 1 && !read[0].IsProjectModule && !read[1].IsProjectModule)
            {
                // Two roots of an environment offering one module (a package on two site directories): Python takes the first.
                diagnostics.Add(GenerationDiagnostic.Message(read[1].FullPath, 0, $"'{read[1].DisplayPath}' is also the installed module '{moduleName}'; '{read[0].DisplayPath}' is read."));
                chosen.Add(read[0]);
                continue;
            }
            if (read.Count > 1)
            {
                diagnostics.Add(GenerationDiagnostic.Error(DiagnosticCodes.ModuleNameCollision, read[1].FullPath, 0, 0,
                    $"'{read[0].DisplayPath}' and '{read[1].DisplayPath}' are both the Python module '{moduleName}'. Python imports only one of them; remove or rename the other."));
                rejected.AddRange(read);
                continue;
            }
            if (shadowed.Count > 0)
            {
                diagnostics.Add(GenerationDiagnostic.Message(read[0].FullPath, 0, $"'{read[0].DisplayPath}' describes module '{moduleName}'; the signatures in '{shadowed[0].DisplayPath}' are not read."));
            }
            chosen.Add(read[0]);
        }

        return RejectTypeNameCollisions(chosen, diagnostics, rejected);
    }

    private static List<ModuleSource> RejectTypeNameCollisions(List<ModuleSource> modules, List<GenerationDiagnostic> diagnostics, List<ModuleSource> rejected)
    {
        var owners = new Dictionary<string, ModuleSource>(StringComparer.Ordinal);
        var bad = new HashSet<ModuleSource>();
        // The project's own modules claim their names first: an installed module never takes a name from them.
        foreach (var module in modules.OrderBy(m => m.IsProjectModule ? 0 : 1))
        {
            // The four type names derive from one accessor: one diagnostic per pair of modules, naming the first clash.
            var reported = new HashSet<ModuleSource>();
            foreach (var typeName in module.GetsWrapper ? module.TypeNames : [])
            {
                if (owners.TryGetValue(typeName, out var owner) && owner != module)
                {
                    if (!module.IsProjectModule)
                    {
                        // Inside an installed package (six.moves.urllib.error vs six.moves.urllib_error): the later one
                        // takes the escape a project would be told to take, no wrapper, and the build goes on.
                        if (reported.Add(owner))
                        {
                            diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.ImportedModuleNameCollision, module.FullPath, 0, 0,
                                $"Modules '{owner.ModuleName}' and '{module.ModuleName}' would both generate the C# type '{typeName}' "
                                + $"(accessor env.{owner.Accessor}()); '{module.ModuleName}' (from PythonImport '{module.ImportName}') gets no wrapper. It stays importable from Python."));
                        }
                        bad.Add(module);
                        continue;
                    }
                    if (reported.Add(owner))
                    {
                        diagnostics.Add(GenerationDiagnostic.Error(DiagnosticCodes.ModuleNameCollision, module.FullPath, 0, 0,
                            $"Modules '{owner.ModuleName}' ('{owner.DisplayPath}') and '{module.ModuleName}' ('{module.DisplayPath}') would both generate the C# type '{typeName}' "
                            + $"(accessors env.{owner.Accessor}() and env.{module.Accessor}()). Rename one of the files, or, where you cannot (a package you copied in), "
                            + $"give one no wrapper: <PythonFile Update=\"{module.DisplayPath}\" GenerateWrapper=\"false\" /> (it is still copied and importable)."));
                    }
                    bad.Add(owner);
                    bad.Add(module);
                }
                else
                {
                    owners[typeName] = module;
                }
            }
        }
        rejected.AddRange(bad.OrderBy(m => m.ModuleName, StringComparer.Ordinal));
        // A rejected installed module is still read: what it defines may be re-exported by the modules that are wrapped.
        return modules.Where(m => !bad.Contains(m) || !m.IsProjectModule).Select(m => bad.Contains(m) ? m with { ReadOnly = true } : m).ToList();
    }

    /// <summary>How file paths compare: ignoring case on Windows, as its file systems do.</summary>
    public static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
