namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Process-wide facts about the one interpreter: whether it is running, how many threads are
/// inside Python right now, and whether shutdown has begun. Shutdown waits for the threads inside
/// Python to leave before finalizing, so no thread ever touches a finalized interpreter.
/// </summary>
internal static class InterpreterLifetime
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int ShuttingDown = 2;
    private const int Finalized = 3;

    private static int s_state;
    private static int s_activeCalls;
    private static readonly ManualResetEventSlim s_idle = new(initialState: true);

    public static bool IsRunning => Volatile.Read(ref s_state) == Running;

    /// <summary>True once Python has been finalized: every pending reference becomes a no-op.</summary>
    public static bool IsFinalized => Volatile.Read(ref s_state) == Finalized;

    public static bool TryMarkStarting() => Interlocked.CompareExchange(ref s_state, Running, NotStarted) == NotStarted;

    public static bool WasEverStarted => Volatile.Read(ref s_state) != NotStarted;

    /// <summary>Registers a thread entering Python; false when the interpreter is not running.</summary>
    public static bool TryEnter()
    {
        // The increment is a full fence, so a shutdown that starts after it sees this call, and a
        // call that starts after shutdown began sees the new state.
        Interlocked.Increment(ref s_activeCalls);
        if (s_state == Running)
        {
            return true;
        }

        Leave();
        return false;
    }

    public static void Leave()
    {
        if (Interlocked.Decrement(ref s_activeCalls) == 0 && Volatile.Read(ref s_state) == ShuttingDown)
        {
            s_idle.Set();
        }
    }

    /// <summary>Stops new calls and waits until every thread has left Python.</summary>
    public static bool BeginShutdown()
    {
        if (Interlocked.CompareExchange(ref s_state, ShuttingDown, Running) != Running)
        {
            return false;
        }

        s_idle.Reset();
        if (Volatile.Read(ref s_activeCalls) == 0)
        {
            s_idle.Set();
        }

        s_idle.Wait();
        return true;
    }

    public static void MarkFinalized() => Volatile.Write(ref s_state, Finalized);

    /// <summary>Start failed before Python ran: allow another attempt.</summary>
    public static void ResetAfterFailedStart() => Volatile.Write(ref s_state, NotStarted);
}
