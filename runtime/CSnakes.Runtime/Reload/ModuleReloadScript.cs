namespace CSnakes.Runtime.Reload;

/// <summary>
/// The Python half of reloading a module: drop its cached bytecode (a pyc records the source's mtime in whole
/// seconds, so two same-size edits in one second would otherwise run the stale code), reload it in place, and
/// compare its public functions' signatures before and after, which the wrapper cannot follow without a rebuild.
/// </summary>
internal static class ModuleReloadScript
{
    public const string ModuleName = "_csnakes_reload";

    public const string Source = """
        import importlib
        import importlib.util
        import inspect
        import os
        import sys


        def _signatures(module):
            found = {}
            for name, value in vars(module).items():
                if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != module.__name__:
                    continue
                try:
                    found[name] = str(inspect.signature(value))
                except (TypeError, ValueError):
                    found[name] = ""
            return found


        def reload(name):
            # None: not imported yet, so the next import reads the new file anyway.
            module = sys.modules.get(name)
            if module is None:
                return None
            before = _signatures(module)
            source = getattr(module, "__file__", None)
            if source:
                try:
                    os.remove(importlib.util.cache_from_source(source))
                except (OSError, NotImplementedError, ValueError):
                    pass
            importlib.invalidate_caches()
            importlib.reload(module)
            after = _signatures(module)
            changed = sorted(n for n in before.keys() & after.keys() if before[n] != after[n])
            return (changed, sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys()))
        """;
}
