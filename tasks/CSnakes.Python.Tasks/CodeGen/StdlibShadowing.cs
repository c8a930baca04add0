namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// A project's <c>queue.py</c> (or <c>asyncio/__init__.py</c>) sits on <c>sys.path</c> ahead of the standard
/// library, so every <c>import queue</c> in the process — the standard library's own (asyncio imports it), the
/// runtime's event loop and logging bridge, installed packages — gets the project's module instead.
/// A stub (<c>.pyi</c>) only describes a module and shadows nothing.
/// </summary>
internal static class StdlibShadowing
{
    public static IEnumerable<GenerationDiagnostic> Check(IEnumerable<ModuleSource> modules, IReadOnlyList<string>? stdlibModules)
    {
        var stdlib = new HashSet<string>(stdlibModules ?? [], StringComparer.Ordinal);
        foreach (var module in modules.Where(m => m.FullPath.EndsWith(".py", StringComparison.OrdinalIgnoreCase)))
        {
            var topLevel = module.ModuleName.Split('.')[0];
            if (module.ModuleName == topLevel && stdlib.Contains(topLevel))
            {
                yield return GenerationDiagnostic.Warning(DiagnosticCodes.ShadowsStdlib, module.FullPath, 0, 0,
                    $"'{module.DisplayPath}' is the Python module '{topLevel}', which is also a standard-library module: the project's folder comes first "
                    + $"on sys.path, so every 'import {topLevel}' in the process (the standard library's own, installed packages', the CSnakes runtime's) "
                    + "gets this file instead. Rename it, or move it into a package of the project.");
            }
        }
    }
}
