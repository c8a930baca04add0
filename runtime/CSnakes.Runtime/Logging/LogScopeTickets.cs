using System.Collections.Concurrent;

namespace CSnakes.Runtime.Logging;

/// <summary>
/// Carries the .NET <see cref="ExecutionContext"/> of the thread that logged a Python record to the bridge's
/// thread, which logs it later. Python's handler calls <see cref="Capture"/> while it emits a record (on the
/// thread running the Python code) and stores the returned ticket in the record; the bridge's thread redeems
/// it with <see cref="Take"/> and logs inside that context, so <see cref="Microsoft.Extensions.Logging.ILogger"/>
/// scopes (AsyncLocal-based, e.g. ASP.NET Core's per-request scope) apply to Python's records too.
/// </summary>
internal sealed class LogScopeTickets
{
    private readonly ConcurrentDictionary<long, ExecutionContext> _contexts = new();
    private long _last;

    /// <summary>A ticket for the calling thread's context; 0 when flow is suppressed. Called by Python with the GIL held.</summary>
    public long Capture()
    {
        var context = ExecutionContext.Capture();
        if (context is null)
        {
            return 0;
        }

        var ticket = Interlocked.Increment(ref _last);
        _contexts[ticket] = context;
        return ticket;
    }

    /// <summary>The context a ticket was issued for, once; null for 0 or an unknown ticket.</summary>
    public ExecutionContext? Take(long ticket) =>
        ticket != 0 && _contexts.TryRemove(ticket, out var context) ? context : null;

    /// <summary>Forgets tickets whose records will never be logged (the bridge stopped).</summary>
    public void Clear() => _contexts.Clear();
}
