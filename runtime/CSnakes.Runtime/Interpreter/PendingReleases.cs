using System.Collections.Concurrent;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// References dropped by finalizers. A finalizer must never take the GIL (it could deadlock the
/// finalizer thread), so it queues the pointer here and the next thread that takes the GIL
/// releases it; thread states of ended threads are deleted by <see cref="ThreadStateReaper"/>.
/// </summary>
internal static unsafe class PendingReleases
{
    private static readonly ConcurrentQueue<nint> s_objects = new();
    private static readonly ConcurrentQueue<nint> s_threadStates = new();
    private static readonly ConcurrentQueue<nint> s_buffers = new();
    private static int s_count;
    private static long s_objectsReleased;
    private static long s_threadStatesReleased;

    /// <summary>How many finalized objects have been released (for tests and diagnostics).</summary>
    public static long ObjectsReleased => Interlocked.Read(ref s_objectsReleased);

    /// <summary>How many thread states of ended threads have been deleted (for tests and diagnostics).</summary>
    public static long ThreadStatesReleased => Interlocked.Read(ref s_threadStatesReleased);

    public static bool Any => Volatile.Read(ref s_count) != 0;

    public static void EnqueueObject(nint obj)
    {
        if (InterpreterLifetime.IsFinalized)
        {
            return;
        }

        s_objects.Enqueue(obj);
        Interlocked.Increment(ref s_count);
    }

    public static void EnqueueThreadState(nint threadState)
    {
        if (InterpreterLifetime.IsFinalized)
        {
            return;
        }

        // Not counted in Any: deleted on the reaper's thread, never by whoever takes the GIL next.
        s_threadStates.Enqueue(threadState);
        ThreadStateReaper.Wake();
    }

    public static void EnqueueBuffer(nint view)
    {
        if (InterpreterLifetime.IsFinalized)
        {
            return;
        }

        s_buffers.Enqueue(view);
        Interlocked.Increment(ref s_count);
    }

    /// <summary>Releases the queued objects and buffers. The caller holds the GIL.</summary>
    public static void Drain()
    {
        while (s_objects.TryDequeue(out nint obj))
        {
            Interlocked.Decrement(ref s_count);
            CPythonApi.Py_DecRef(obj);
            Interlocked.Increment(ref s_objectsReleased);
        }

        while (s_buffers.TryDequeue(out nint view))
        {
            Interlocked.Decrement(ref s_count);
            PyBuffer.Release((PyBufferStruct*)view);
        }

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
