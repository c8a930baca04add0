namespace CSnakes.Runtime;

/// <summary>
/// The generated modules of every Python library whose assembly has initialized. Generated code registers
/// each module from a module initializer, so <c>services.AddPython()</c> can register the module interfaces
/// with no reflection over assemblies or methods (which Native AOT does not support).
/// </summary>
public static class PythonModuleRegistry
{
    private static readonly object s_lock = new();
    private static readonly List<PythonModuleRegistration> s_modules = [];

    /// <summary>
    /// Records a generated module. Called by the module initializer that the generator emits next to each
    /// module's accessor; a second registration of the same interface is ignored.
    /// </summary>
    /// <typeparam name="TModule">The generated module interface, e.g. <c>IForecast</c>.</typeparam>
    /// <param name="moduleName">The dotted Python module name.</param>
    /// <param name="accessor">The generated accessor, e.g. <c>env =&gt; env.Forecast()</c>.</param>
    public static void Register<TModule>(string moduleName, Func<IPythonEnvironment, TModule> accessor) where TModule : class
    {
        ArgumentNullException.ThrowIfNull(moduleName);
        ArgumentNullException.ThrowIfNull(accessor);
        lock (s_lock)
        {
            if (!s_modules.Exists(m => m.ModuleInterface == typeof(TModule)))
            {
                s_modules.Add(new PythonModuleRegistration(moduleName, typeof(TModule), env => accessor(env)));
            }
        }
    }

    /// <summary>The modules registered so far, in registration order.</summary>
    public static IReadOnlyList<PythonModuleRegistration> Modules
    {
        get
        {
            lock (s_lock)
            {
                return s_modules.ToArray();
            }
        }
    }
}

/// <summary>One generated module: its Python name, its interface and how to get it from an environment.</summary>
/// <param name="ModuleName">The dotted Python module name.</param>
/// <param name="ModuleInterface">The generated interface.</param>
/// <param name="Create">Returns the environment's wrapper for the module (the generated accessor).</param>
public sealed record PythonModuleRegistration(string ModuleName, Type ModuleInterface, Func<IPythonEnvironment, object> Create);
