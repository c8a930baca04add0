using Microsoft.Extensions.Logging;

namespace CSnakes.Runtime.Logging;

/// <summary>How Python's <c>logging</c> records (and optionally <c>print</c> output) reach <see cref="ILogger"/>.</summary>
public sealed class PythonLoggingOptions
{
    /// <summary>
    /// The lowest level forwarded. The bridge sets Python's root logger to this level while it is
    /// attached (Python's own default, WARNING, would drop INFO records before any handler sees them).
    /// Default: <see cref="LogLevel.Information"/>.
    /// </summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>
    /// Prefix of the <see cref="ILogger"/> category: Python logger <c>forecast.model</c> logs as
    /// <c>Python.forecast.model</c> and the root logger as <c>Python</c>, so <c>"Logging:LogLevel:Python"</c>
    /// filters all Python output. Empty uses the Python logger name as it is. Default: <c>Python</c>.
    /// </summary>
    public string CategoryPrefix { get; set; } = "Python";

    /// <summary>
    /// Replace <c>sys.stdout</c>/<c>sys.stderr</c> while attached, so each line Python prints is logged
    /// under the categories <c>Python.stdout</c> (Information) and <c>Python.stderr</c> (Warning). Default: off.
    /// </summary>
    public bool CapturePrint { get; set; }

    /// <summary>
    /// Log each record inside the .NET <see cref="ExecutionContext"/> of the thread whose call into Python
    /// logged it, so <see cref="ILogger.BeginScope{TState}"/> scopes (for example ASP.NET Core's per-request
    /// <c>RequestId</c>/<c>TraceId</c> scope) and other AsyncLocal state apply to Python's records as they do
    /// to .NET's. Records logged by threads Python started itself carry no scope. Costs one call from Python
    /// into .NET per record. Default: on.
    /// </summary>
    public bool FlowScopes { get; set; } = true;

    /// <summary>
    /// At most this many records wait in Python for the loggers; beyond it the oldest waiting record is dropped. Drops
    /// are counted (<see cref="PythonLoggingBridge.DroppedRecords"/>) and reported by one Warning per batch under the
    /// root category. For apps that prefer losing old records to unbounded memory when Python logs faster than the
    /// providers write. Default: null, unbounded (nothing is ever dropped).
    /// </summary>
    public int? MaxQueuedRecords { get; set; }
}
