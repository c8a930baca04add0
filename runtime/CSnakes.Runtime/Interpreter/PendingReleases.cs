using System.Collections.Concurrent;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Thread states of ended .NET threads in the main interpreter, deleted by <see cref="ThreadStateReaper"/>, and the
/// process-wide counts of what was released late (for tests and diagnostics). Objects and buffers wait in their
/// interpreter's <see cref="ReleaseQueue"/>.
/// </summary>
internal static unsafe class PendingReleases
{
    private static readonly ConcurrentQueue<nint> s_threadStates = new();
    private static long s_objectsReleased;
    private static long s_threadStatesReleased;

    /// <summary>How many objects dropped without their GIL have been released (for tests and diagnostics).</summary>
    public static long ObjectsReleased => Interlocked.Read(ref s_objectsReleased);

    /// <summary>How many thread states of ended threads have been deleted (for tests and diagnostics).</summary>
    public static long ThreadStatesReleased => Interlocked.Read(ref s_threadStatesReleased);

    public static void CountObjectReleased() => Interlocked.Increment(ref s_objectsReleased);

    public static void EnqueueThreadState(nint threadState)
    {
        if (InterpreterLifetime.IsFinalized)
        {
            return;
        }

        // Deleted on the reaper's thread, never by whoever takes the GIL next.
        s_threadStates.Enqueue(threadState);
        ThreadStateReaper.Wake();
    }

    /// <summary>
    /// Deletes the thread states of ended .NET threads. Only <see cref="ThreadStateReaper"/> calls this, with
    /// the GIL held (see there why no other thread may).
    /// </summary>
    public static void DeleteEndedThreadStates()
    {
        while (s_threadStates.TryDequeue(out nint threadState))
        {
            // The owning .NET thread has ended, so this state is not current anywhere.
            CPythonApi.PyThreadState_Clear(threadState);
            CPythonApi.PyThreadState_Delete(threadState);
            Interlocked.Increment(ref s_threadStatesReleased);
        }
    }
}
