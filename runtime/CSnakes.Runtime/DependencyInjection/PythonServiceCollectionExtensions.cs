using CSnakes.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded Python environment and the generated module interfaces.</summary>
public static class PythonServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPythonEnvironment"/> as a singleton started from the build's manifest
    /// (or from <paramref name="options"/>), disposed with the container, and every generated
    /// module interface (<c>IForecast</c>, …) found in the app's referenced assemblies.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Explicit start options; null reads the manifest next to the app.</param>
    public static IServiceCollection AddPython(this IServiceCollection services, PythonEnvironmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IPythonEnvironment>(_ => options is null ? PythonEnvironment.Start() : PythonEnvironment.Start(options));
        return services.AddPythonModules();
    }

    /// <summary>
    /// Registers an environment you started yourself (the container will not dispose it) and every
    /// generated module interface found in the app's referenced assemblies.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="environment">The running environment.</param>
    public static IServiceCollection AddPython(this IServiceCollection services, IPythonEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSingleton(environment);
        return services.AddPythonModules();
    }

    /// <summary>
    /// Registers a <see cref="PythonInterpreterPool"/> of <paramref name="workers"/> sub-interpreters as a singleton,
    /// made from the registered <see cref="IPythonEnvironment"/> on first use and disposed with the container (before
    /// the environment). Call after <c>AddPython</c>; inject <see cref="PythonInterpreterPool"/> where Python should use
    /// every core.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="workers">How many interpreters; default: one per processor.</param>
    public static IServiceCollection AddPythonInterpreterPool(this IServiceCollection services, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        int count = workers ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(workers));
        services.AddSingleton(sp => sp.GetRequiredService<IPythonEnvironment>().CreateInterpreterPool(count));
        return services;
    }

    // Factories only (no reflection on the accessors), so this works under trimming and Native AOT.
    private static IServiceCollection AddPythonModules(this IServiceCollection services)
    {
        PythonModuleDiscovery.InitializeReferencedLibraries();
        foreach (var module in PythonModuleRegistry.Modules)
        {
            services.AddSingleton(module.ModuleInterface, sp => module.Create(sp.GetRequiredService<IPythonEnvironment>()));
        }

        return services;
    }
}
