using System.Collections.Concurrent;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// The module wrappers of one interpreter (<see cref="IPythonEnvironment.GetModule{TModule}"/>): each module is
/// imported and wrapped once, on first use, then shared. Keyed by module and wrapper type, because two libraries may
/// wrap the same module differently.
/// </summary>
internal sealed class ModuleWrapperCache
{
    private readonly ConcurrentDictionary<(string Module, Type Wrapper), object> _modules = new();

    /// <summary>The wrapper of <paramref name="moduleName"/>, imported with <paramref name="import"/> and wrapped on first use.</summary>
    public TModule GetOrCreate<TModule>(string moduleName, Func<PyObject, TModule> factory, Func<string, PyObject> import) where TModule : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = (moduleName, typeof(TModule));
        if (_modules.TryGetValue(key, out object? existing))
        {
            return (TModule)existing;
        }

        // Import outside any lock of ours: Python's import lock already makes the import happen
        // once, and holding a .NET lock while waiting for the GIL could deadlock.
        TModule created;
        using (var module = import(moduleName))
        {
            created = factory(module);
        }

        object winner = _modules.GetOrAdd(key, created);
        if (!ReferenceEquals(winner, created) && created is IDisposable loser)
        {
            loser.Dispose();
        }

        return (TModule)winner;
    }

    /// <summary>The wrappers made so far of <paramref name="moduleName"/>.</summary>
    public IReadOnlyList<object> WrappersOf(string moduleName) =>
        [.. _modules.Where(m => m.Key.Module == moduleName).Select(m => m.Value)];

    /// <summary>Disposes every wrapper (releasing the Python functions it holds) and forgets them.</summary>
    public void DisposeAll()
    {
        foreach (var module in _modules.Values)
        {
            (module as IDisposable)?.Dispose();
        }

        _modules.Clear();
    }
}
