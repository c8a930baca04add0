namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Process-wide facts about the one interpreter: whether it is running, which threads are inside
/// Python right now, and whether shutdown has begun. Shutdown waits for the threads inside Python
/// to leave before finalizing, so no thread ever touches a finalized interpreter.
/// </summary>
/// <remarks>
/// Each thread announces itself in its own <see cref="CallFlag"/> rather than in one shared counter,
/// so threads calling Python concurrently do not bounce a shared cache line between cores. The
/// handshake is an asymmetric Dekker: a thread stores its flag and then reads the state with no
/// fence of its own (the hot path, once per call); shutdown sets the state and then issues a
/// process-wide memory barrier (<see cref="Interlocked.MemoryBarrierProcessWide"/>), which orders every
/// other thread's pending store before shutdown reads the flags. Either the thread sees shutdown, or
/// shutdown sees the thread.
/// </remarks>
internal static class InterpreterLifetime
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int ShuttingDown = 2;
    private const int Finalized = 3;

    private static int s_state;
    private static readonly object s_flagsLock = new();
    private static readonly List<CallFlag> s_flags = [];

    public static bool IsRunning => Volatile.Read(ref s_state) == Running;

    /// <summary>True once Python has been finalized: every pending reference becomes a no-op.</summary>
    public static bool IsFinalized => Volatile.Read(ref s_state) == Finalized;

    public static bool TryMarkStarting() => Interlocked.CompareExchange(ref s_state, Running, NotStarted) == NotStarted;

    public static bool WasEverStarted => Volatile.Read(ref s_state) != NotStarted;

    /// <summary>A new flag for a thread that is about to make its first call.</summary>
    public static CallFlag NewFlag()
    {
        var flag = new CallFlag();
        lock (s_flagsLock)
        {
            // Flags of threads that have ended are dropped here, so the list stays as long as the live threads.
            s_flags.RemoveAll(f => f.Retired);
            s_flags.Add(flag);
        }

        return flag;
    }

    /// <summary>Marks the thread as inside Python; false (and not marked) when the interpreter is not running.</summary>
    public static bool TryEnter(CallFlag flag)
    {
        Volatile.Write(ref flag.InCall, 1);
        if (Volatile.Read(ref s_state) == Running)
        {
            return true;
        }

        Volatile.Write(ref flag.InCall, 0);
        return false;
    }

    public static void Leave(CallFlag flag) => Volatile.Write(ref flag.InCall, 0);

    /// <summary>Stops new calls and waits until every thread has left Python.</summary>
    public static bool BeginShutdown()
    {
        if (Interlocked.CompareExchange(ref s_state, ShuttingDown, Running) != Running)
        {
            return false;
        }

        // The other half of the handshake in TryEnter: makes every thread's flag store visible here.
        Interlocked.MemoryBarrierProcessWide();
        CallFlag[] flags;
        lock (s_flagsLock)
        {
            flags = [.. s_flags];
        }

        foreach (var flag in flags)
        {
            // A call in progress may take as long as it takes; poll rather than make every call signal.
            while (Volatile.Read(ref flag.InCall) != 0)
            {
                Thread.Sleep(1);
            }
        }

        return true;
    }

    public static void MarkFinalized() => Volatile.Write(ref s_state, Finalized);

    /// <summary>
    /// Shutdown gave up on finalizing (Python threads still running): Python stays alive, but .NET
    /// treats it as finalized, so every pending reference is dropped instead of touching it again.
    /// </summary>
    public static void MarkAbandoned() => Volatile.Write(ref s_state, Finalized);

    /// <summary>Start failed before Python ran: allow another attempt.</summary>
    public static void ResetAfterFailedStart() => Volatile.Write(ref s_state, NotStarted);
}

/// <summary>One thread's "inside Python" mark (see <see cref="InterpreterLifetime"/>).</summary>
internal sealed class CallFlag
{
    public int InCall;

    /// <summary>Set when the owning thread has ended.</summary>
    public volatile bool Retired;
}
