using Microsoft.Extensions.Logging;

namespace CSnakes.Runtime.Tests;

/// <summary>An <see cref="ILoggerFactory"/> that keeps every record, for asserting what Python logged.</summary>
internal sealed class LoggingRecorder : ILoggerFactory
{
    private readonly List<Entry> _entries = [];
    private readonly LoggerExternalScopeProvider _scopes = new();

    /// <summary>One logged record; <paramref name="Scopes"/> are the states of the scopes open when it was logged, outermost first.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>>? State, IReadOnlyList<object?> Scopes);

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(LoggingRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
            lock (owner._entries)
            {
                owner._entries.Add(new Entry(category, logLevel, formatter(state, exception), exception, state as IReadOnlyList<KeyValuePair<string, object?>>, scopes));
            }
        }
    }
}
