using CSnakes.Runtime;
using CSnakes.Runtime.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Sends Python's <c>logging</c> output to the container's <see cref="ILoggerFactory"/>.</summary>
public static class PythonLoggingServiceCollectionExtensions
{
    /// <summary>
    /// Call after <c>AddPython()</c>: when the <see cref="IPythonEnvironment"/> is created, a
    /// <see cref="PythonLoggingBridge"/> is attached to it with the container's <see cref="ILoggerFactory"/>
    /// (none registered: records are dropped), and detached — delivering every queued record — when the
    /// container disposes the environment.
    /// </summary>
    /// <param name="services">The service collection that already holds <c>AddPython()</c>.</param>
    /// <param name="configure">Adjusts the level, category prefix and <c>print</c> capture.</param>
    /// <exception cref="InvalidOperationException"><c>AddPython()</c> was not called first.</exception>
    public static IServiceCollection WithPythonLogging(this IServiceCollection services, Action<PythonLoggingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ServiceDescriptor registered = services.LastOrDefault(d => d.ServiceType == typeof(IPythonEnvironment) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("WithPythonLogging() needs the Python environment registered first: call services.AddPython() before it.");
        var options = new PythonLoggingOptions();
        configure?.Invoke(options);

        services.Remove(registered);
        services.AddSingleton<IPythonEnvironment>(sp =>
        {
            bool owned = registered.ImplementationInstance is null;
            var inner = registered.ImplementationInstance as IPythonEnvironment
                ?? registered.ImplementationFactory?.Invoke(sp) as IPythonEnvironment
                ?? (IPythonEnvironment)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!);
            var loggerFactory = sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            PythonLoggingBridge bridge;
            try
            {
                bridge = PythonLogging.Attach(inner, loggerFactory, options);
            }
            catch
            {
                if (owned)
                {
                    inner.Dispose();
                }

                throw;
            }

            return new LoggingPythonEnvironment(inner, bridge, owned);
        });
        return services;
    }
}
