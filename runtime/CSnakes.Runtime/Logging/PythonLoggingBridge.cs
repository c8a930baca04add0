using CSnakes.Runtime.Converters;
using Microsoft.Extensions.Logging;
// One record as the Python side queues it (a negative Level is a control message whose Message holds a number).
using QueuedRecord = (long Level, string Name, string Message, string? ExcType, string? ExcMessage, string? Traceback, string Location, long Ticket);

namespace CSnakes.Runtime.Logging;

/// <summary>
/// Forwards Python <c>logging</c> records to an <see cref="ILoggerFactory"/> while attached. Python
/// puts each record on a queue; one background .NET thread waits on that queue (without holding the
/// GIL) and logs what arrives, outside the GIL. Dispose it before the environment to deliver every
/// record logged so far; create it with <see cref="PythonLogging.Attach"/>.
/// </summary>
public sealed class PythonLoggingBridge : IDisposable
{
    private const int StopLevel = -1;
    private const int FlushLevel = -2;
    private const int DroppedLevel = -3;
    private static readonly PyConverter<IReadOnlyList<QueuedRecord>> s_batch = new ListConverter<QueuedRecord>(
        new TupleConverter<long, string, string, string?, string?, string?, string, ValueTuple<long>>(
            IntConverter.Instance, StrConverter.Instance, StrConverter.Instance,
            new OptionalConverter<string>(StrConverter.Instance), new OptionalConverter<string>(StrConverter.Instance), new OptionalConverter<string>(StrConverter.Instance),
            StrConverter.Instance, new TupleConverter<long>(IntConverter.Instance)));

    private static readonly ContextCallback s_forwardInContext = state =>
    {
        var (bridge, record) = ((PythonLoggingBridge, QueuedRecord))state!;
        bridge.Forward(record);
    };

    private readonly ILoggerFactory _loggerFactory;
    private readonly string _categoryPrefix;
    private readonly Dictionary<string, ILogger> _loggers = new(StringComparer.Ordinal); // drain thread only
    private readonly PyObject _bridge;
    private readonly LogScopeTickets _tickets;
    private readonly PyObject _drain;
    private readonly Thread _thread;
    private readonly object _flushGate = new();
    private long _flushRequested;
    private long _flushDone;
    private long _dropped;
    private readonly int? _maxQueuedRecords;
    private int _disposed;

    private PythonLoggingBridge(ILoggerFactory loggerFactory, PythonLoggingOptions options, PyObject bridge, LogScopeTickets tickets)
    {
        _tickets = tickets;
        _loggerFactory = loggerFactory;
        _categoryPrefix = options.CategoryPrefix ?? "";
        _maxQueuedRecords = options.MaxQueuedRecords;
        _bridge = bridge;
        _drain = bridge.GetAttr("drain");
        _thread = new Thread(DrainLoop) { IsBackground = true, Name = "CSnakes Python logging" };
        _thread.Start();
    }

    internal static PythonLoggingBridge Start(IPythonEnvironment environment, ILoggerFactory loggerFactory, PythonLoggingOptions options)
    {
        if (options.MaxQueuedRecords is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxQueuedRecords, "PythonLoggingOptions.MaxQueuedRecords must be at least 1, or null for no bound.");
        }

        using (GIL.Acquire())
        {
            using var builtins = environment.Import("builtins");
            using var types = environment.Import("types");
            using var moduleType = types.GetAttr("ModuleType");
            using var name = PyObject.From(PythonLoggingScript.ModuleName);
            using var module = moduleType.Call([name]);
            using var namespaceDict = module.GetAttr("__dict__");
            using var compile = builtins.GetAttr("compile");
            using var source = PyObject.From(PythonLoggingScript.Source);
            using var fileName = PyObject.From("<csnakes logging bridge>");
            using var mode = PyObject.From("exec");
            using var code = compile.Call([source, fileName, mode]);
            using var exec = builtins.GetAttr("exec");
            exec.Call([code, namespaceDict]).Dispose();

            using var bridgeType = module.GetAttr("Bridge");
            using var level = PyObject.From((long)PythonLogLevels.FromLogLevel(options.MinimumLevel));
            using var capture = PyObject.From(options.CapturePrint);
            using var stdoutLevel = PyObject.From((long)PythonLogLevels.Info);
            using var stderrLevel = PyObject.From((long)PythonLogLevels.Warning);
            var tickets = new LogScopeTickets();
            using var captureScope = options.FlowScopes
                ? new FuncConverter<long>(IntConverter.Instance).ToPython(tickets.Capture)
                : PyObject.None;
            using var maxRecords = options.MaxQueuedRecords is { } max ? PyObject.From((long)max) : PyObject.None;
            var bridge = bridgeType.Call([level, capture, stdoutLevel, stderrLevel, captureScope, maxRecords]);
            return new PythonLoggingBridge(loggerFactory, options, bridge, tickets);
        }
    }

    /// <summary>
    /// How many records were dropped because more than <see cref="PythonLoggingOptions.MaxQueuedRecords"/> were
    /// waiting (always 0 without that bound). Counted as the bridge's thread takes batches.
    /// </summary>
    public long DroppedRecords => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Waits until every record Python logged before this call has been passed to the loggers.
    /// </summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>False when the timeout passed first.</returns>
    /// <exception cref="ObjectDisposedException">The bridge was disposed.</exception>
    /// <exception cref="InvalidOperationException">Called while this thread holds the GIL (the bridge's thread needs it).</exception>
    public bool Flush(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (GIL.IsHeld)
        {
            throw new InvalidOperationException("Flush cannot wait while this thread holds the GIL: the bridge's thread needs the GIL to deliver the records.");
        }

        long number;
        lock (_flushGate)
        {
            number = ++_flushRequested;
        }

        using (GIL.Acquire())
        {
            using var marker = _bridge.GetAttr("flush_marker");
            using var n = PyObject.From(number);
            marker.Call([n]).Dispose();
        }

        lock (_flushGate)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_flushDone < number)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_flushGate, left))
                {
                    return _flushDone >= number;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Detaches the handler from Python's root logger (restoring its level and <c>sys.stdout</c>/<c>sys.stderr</c>),
    /// delivers every record already queued, and stops the background thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called while this thread holds the GIL.</exception>
    public void Dispose()
    {
        if (GIL.IsHeld)
        {
            throw new InvalidOperationException("The Python logging bridge cannot be disposed while this thread holds the GIL: its thread needs the GIL to deliver the last records.");
        }

        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            using (GIL.Acquire())
            {
                using var detach = _bridge.GetAttr("detach");
                detach.Call().Dispose();
            }
        }
        catch (ObjectDisposedException)
        {
            // The environment went first: Python is gone, and so is anything still queued in it.
        }

        _thread.Join();
    }

    private void DrainLoop()
    {
        using var timeout = PyObject.From(0.5);
        try
        {
            while (true)
            {
                IReadOnlyList<QueuedRecord> batch;
                try
                {
                    using (GIL.Acquire())
                    {
                        using var items = _drain.Call([timeout]);
                        batch = s_batch.FromPython(items);
                    }
                }
                catch (PythonInvocationException)
                {
                    // E.g. a KeyboardInterrupt delivered to this thread: keep draining.
                    continue;
                }

                foreach (var record in batch)
                {
                    if (record.Level == StopLevel)
                    {
                        return;
                    }

                    if (record.Level == DroppedLevel)
                    {
                        ReportDropped(long.Parse(record.Message, System.Globalization.CultureInfo.InvariantCulture));
                        continue;
                    }

                    if (record.Level == FlushLevel)
                    {
                        lock (_flushGate)
                        {
                            _flushDone = Math.Max(_flushDone, long.Parse(record.Message, System.Globalization.CultureInfo.InvariantCulture));
                            Monitor.PulseAll(_flushGate);
                        }

                        continue;
                    }

                    if (_tickets.Take(record.Ticket) is { } context)
                    {
                        ExecutionContext.Run(context, s_forwardInContext, (this, record));
                    }
                    else
                    {
                        Forward(record);
                    }
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            // The environment was disposed under us; nothing more can arrive.
        }
        finally
        {
            lock (_flushGate)
            {
                _flushDone = long.MaxValue;
                Monitor.PulseAll(_flushGate);
            }

            _tickets.Clear();
            _drain.Dispose();
            _bridge.Dispose();
        }
    }

    private void Forward(QueuedRecord record)
    {
        try
        {
            ILogger logger = LoggerFor(record.Name);
            LogLevel level = PythonLogLevels.ToLogLevel(record.Level);
            if (!logger.IsEnabled(level))
            {
                return;
            }

            Exception? exception = record.Traceback is null
                ? null
                : new PythonInvocationException(record.ExcType ?? "Exception", record.ExcMessage ?? "", record.Traceback, [], null);
            logger.Log(level, default, new PythonLogState(record.Name, record.Message, record.Location), exception, PythonLogState.Format);
        }
        catch (Exception)
        {
            // A failing logging provider must not stop Python's records for everyone else.
        }
    }

    private void ReportDropped(long count)
    {
        Interlocked.Add(ref _dropped, count);
        try
        {
            LoggerFor("root").LogWarning("{Count} Python log record(s) were dropped: more than {MaxQueuedRecords} were waiting for the loggers (PythonLoggingOptions.MaxQueuedRecords).", count, _maxQueuedRecords);
        }
        catch (Exception)
        {
            // As in Forward: a failing provider must not stop the bridge.
        }
    }

    private ILogger LoggerFor(string pythonName)
    {
        if (!_loggers.TryGetValue(pythonName, out var logger))
        {
            string category = _categoryPrefix.Length == 0 ? pythonName
                : pythonName == "root" ? _categoryPrefix
                : _categoryPrefix + "." + pythonName;
            logger = _loggerFactory.CreateLogger(category);
            _loggers.Add(pythonName, logger);
        }

        return logger;
    }
}
