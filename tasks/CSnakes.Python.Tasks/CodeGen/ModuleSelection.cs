using CSnakes.Modules;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>A Python file chosen to get a wrapper.</summary>
// ItemSpec: The item as the project listed it (reported back as SourceFile).
// FullPath: The absolute path, read by the signature script and used in diagnostics.
// DisplayPath: The project-relative path with '/' separators, for the generated header.
internal sealed record ModuleSource(string ModuleName, string ItemSpec, string FullPath, string DisplayPath)
{
    public string Accessor => CSharpNames.ModuleAccessor(ModuleName);

    /// <summary>A private module (a dotted part starts with '_') is read, for what other modules re-export from it, but gets no wrapper.</summary>
    public bool IsPrivate => ModuleNaming.IsPrivate(ModuleName);

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
    public static IReadOnlyList<ModuleFile> NameFiles(string projectDirectory, IEnumerable<(string ItemSpec, string FullPath)> files)
    {
        var named = new List<ModuleFile>();
        foreach (var (itemSpec, fullPath) in files.DistinctBy(f => f.FullPath, PathComparer))
        {
            var moduleName = ModuleNames.TryGetModuleName(projectDirectory, fullPath, out var problem);
            var module = moduleName is null ? null : new ModuleSource(moduleName, itemSpec, fullPath, ModuleNames.RelativePath(projectDirectory, fullPath));
            named.Add(new ModuleFile(itemSpec, fullPath, module, problem));
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
        IEnumerable<(string ItemSpec, string FullPath)> files,
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
            else if (source.IsPrivate)
            {
                diagnostics.Add(GenerationDiagnostic.Message(file.FullPath, 0, $"'{source.ModuleName}' is a private module (a name part starts with '_') and gets no C# wrapper; it is read for what other modules re-export from it."));
            }
        }

        var chosen = new List<ModuleSource>();
        foreach (var (moduleName, read, shadowed) in Group(named.Where(f => f.Module is not null).Select(f => f.Module!)))
        {
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
        foreach (var module in modules)
        {
            // The four type names derive from one accessor: one error per pair of modules, naming the first clash.
            var reported = new HashSet<ModuleSource>();
            foreach (var typeName in module.IsPrivate ? [] : module.TypeNames)
            {
                if (owners.TryGetValue(typeName, out var owner) && owner != module)
                {
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
        return modules.Where(m => !bad.Contains(m)).ToList();
    }

    /// <summary>How file paths compare: ignoring case on Windows, as its file systems do.</summary>
    public static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
