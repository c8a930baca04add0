namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>A Python file chosen to get a wrapper.</summary>
// ItemSpec: The item as the project listed it (reported back as SourceFile).
// FullPath: The absolute path, read by the signature script and used in diagnostics.
// DisplayPath: The project-relative path with '/' separators, for the generated header.
internal sealed record ModuleSource(string ModuleName, string ItemSpec, string FullPath, string DisplayPath)
{
    public string Accessor => CSharpNames.ModuleAccessor(ModuleName);

    /// <summary>Every top-level C# type name the module's wrapper declares.</summary>
    public IEnumerable<string> TypeNames =>
    [
        CSharpNames.InterfaceName(Accessor),
        CSharpNames.ImplementationName(Accessor),
        CSharpNames.ExtensionsClassName(Accessor),
    ];
}

/// <summary>
/// Turns the PythonFiles items into modules: names them, lets a <c>.pyi</c> stub stand in for its
/// <c>.py</c>, skips private and unnamed files, and rejects modules whose C# names would collide.
/// Private modules get no wrapper but are listed in <c>privateModules</c> (when given): the reader
/// reads them too, so that public modules can re-export their functions (<c>from ._api import get</c>).
/// </summary>
internal static class ModuleSelection
{
    public static IReadOnlyList<ModuleSource> Select(
        string projectDirectory,
        IEnumerable<(string ItemSpec, string FullPath)> files,
        List<GenerationDiagnostic> diagnostics,
        List<ModuleSource> rejected,
        List<ModuleSource>? privateModules = null)
    {
        var byModule = new SortedDictionary<string, List<ModuleSource>>(StringComparer.Ordinal);
        foreach (var (itemSpec, fullPath) in files.DistinctBy(f => f.FullPath, PathComparer))
        {
            var moduleName = ModuleNames.TryGetModuleName(projectDirectory, fullPath, out var problem);
            if (moduleName is null)
            {
                diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.NoModuleName, fullPath, 0, 0,
                    $"No C# wrapper is generated for '{itemSpec}': {problem}. Rename or move the file, or remove it from the PythonFile items."));
                continue;
            }
            var relative = Path.GetRelativePath(Path.GetFullPath(projectDirectory), Path.GetFullPath(fullPath)).Replace('\\', '/');
            var source = new ModuleSource(moduleName, itemSpec, fullPath, relative);
            if (ModuleNames.IsPrivate(moduleName))
            {
                diagnostics.Add(GenerationDiagnostic.Message(fullPath, 0, $"'{moduleName}' is a private module (a name part starts with '_') and gets no C# wrapper."));
                privateModules?.Add(source);
                continue;
            }
            if (!byModule.TryGetValue(moduleName, out var list))
            {
                byModule[moduleName] = list = [];
            }
            list.Add(source);
        }

        var chosen = new List<ModuleSource>();
        foreach (var (moduleName, candidates) in byModule)
        {
            var stubs = candidates.Where(c => IsStub(c.FullPath)).OrderBy(c => c.DisplayPath, StringComparer.Ordinal).ToList();
            var sources = candidates.Where(c => !IsStub(c.FullPath)).OrderBy(c => c.DisplayPath, StringComparer.Ordinal).ToList();
            // A stub states the signatures on purpose, so it wins over the implementation.
            var pool = stubs.Count > 0 ? stubs : sources;
            if (pool.Count > 1)
            {
                diagnostics.Add(GenerationDiagnostic.Error(DiagnosticCodes.ModuleNameCollision, pool[1].FullPath, 0, 0,
                    $"'{pool[0].DisplayPath}' and '{pool[1].DisplayPath}' are both the Python module '{moduleName}'. Python imports only one of them; remove or rename the other."));
                rejected.AddRange(pool);
                continue;
            }
            if (stubs.Count > 0 && sources.Count > 0)
            {
                diagnostics.Add(GenerationDiagnostic.Message(stubs[0].FullPath, 0, $"'{stubs[0].DisplayPath}' describes module '{moduleName}'; the signatures in '{sources[0].DisplayPath}' are not read."));
            }
            chosen.Add(pool[0]);
        }

        return RejectTypeNameCollisions(chosen, diagnostics, rejected);
    }

    private static List<ModuleSource> RejectTypeNameCollisions(List<ModuleSource> modules, List<GenerationDiagnostic> diagnostics, List<ModuleSource> rejected)
    {
        var owners = new Dictionary<string, ModuleSource>(StringComparer.Ordinal);
        var bad = new HashSet<ModuleSource>();
        foreach (var module in modules)
        {
            foreach (var typeName in module.TypeNames)
            {
                if (owners.TryGetValue(typeName, out var owner) && owner != module)
                {
                    diagnostics.Add(GenerationDiagnostic.Error(DiagnosticCodes.ModuleNameCollision, module.FullPath, 0, 0,
                        $"Modules '{owner.ModuleName}' ('{owner.DisplayPath}') and '{module.ModuleName}' ('{module.DisplayPath}') would both generate the C# type '{typeName}' "
                        + $"(accessors env.{owner.Accessor}() and env.{module.Accessor}()). Rename one of the files."));
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

    private static bool IsStub(string path) => path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase);

    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
