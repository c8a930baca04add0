using Microsoft.Extensions.Logging;

namespace CSnakes.Runtime.Logging;

/// <summary>Connects Python's <c>logging</c> module to .NET's <see cref="ILogger"/>.</summary>
/// <example>
/// <code>
/// using var python = PythonEnvironment.Start();
/// using var logging = PythonLogging.Attach(python, loggerFactory);
/// </code>
/// </example>
public static class PythonLogging
{
    /// <summary>
    /// Adds a handler to Python's root logger that forwards every record at or above
    /// <see cref="PythonLoggingOptions.MinimumLevel"/> to <paramref name="loggerFactory"/>: the Python
    /// level becomes the <see cref="LogLevel"/>, the logger name the category (see
    /// <see cref="PythonLoggingOptions.CategoryPrefix"/>), and <c>exc_info</c> a
    /// <see cref="PythonInvocationException"/> whose <see cref="PythonInvocationException.PythonStackTrace"/>
    /// is the Python traceback. Dispose the result before the environment.
    /// </summary>
    /// <param name="environment">The running environment.</param>
    /// <param name="loggerFactory">Where records go.</param>
    /// <param name="options">Level, category prefix and <c>print</c> capture; null uses the defaults.</param>
    /// <exception cref="ObjectDisposedException">The environment was disposed.</exception>
    public static PythonLoggingBridge Attach(IPythonEnvironment environment, ILoggerFactory loggerFactory, PythonLoggingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return PythonLoggingBridge.Start(environment, loggerFactory, options ?? new PythonLoggingOptions());
    }
}
