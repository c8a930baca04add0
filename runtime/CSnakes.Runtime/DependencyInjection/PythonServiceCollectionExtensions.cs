using System.Reflection;
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
        foreach (var module in PythonModuleDiscovery.FindModules())
        {
            MethodInfo accessor = module.AccessorType.GetMethod(module.AccessorMethod, BindingFlags.Public | BindingFlags.Static, [typeof(IPythonEnvironment)])
                ?? throw new InvalidOperationException($"The generated accessor {module.AccessorType}.{module.AccessorMethod}(IPythonEnvironment) was not found; rebuild the Python project.");
            services.AddSingleton(module.ModuleInterface, sp => accessor.Invoke(null, [sp.GetRequiredService<IPythonEnvironment>()])!);
        }

        return services;
    }
}
