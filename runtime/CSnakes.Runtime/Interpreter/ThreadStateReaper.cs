namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Deletes the Python thread states of .NET threads that have ended, on a thread of its own.
/// </summary>
/// <remarks>
/// Each .NET thread's state is registered as its OS thread's PyGILState state (PyThreadState_New does that),
/// and on Python 3.12+ deleting such a state clears the PyGILState registration of the thread that deletes it,
/// whichever thread that is. Deleting them on the thread that happened to take the GIL next (as we once did)
/// silently unregistered that thread: on a Python-made thread inside a .NET callback the next
/// PyGILState_Ensure then aborted the process ("_PyThreadState_Attach: non-NULL old thread state"), and a C
/// extension calling PyGILState_Ensure on an unregistered .NET thread would do the same. This thread runs no
/// Python code of its own, so losing its registration harms nothing. It starts with the first ended thread.
/// </remarks>
internal static class ThreadStateReaper
{
    private static readonly SemaphoreSlim s_work = new(0);
    private static readonly object s_startLock = new();
    private static Thread? s_thread;

    /// <summary>Asks the reaper to delete what <see cref="PendingReleases"/> holds. Safe from finalizers.</summary>
    public static void Wake()
    {
        if (s_thread is null)
        {
            lock (s_startLock)
            {
                s_thread ??= StartThread();
            }
        }

        s_work.Release();
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "CSnakes Python thread-state reaper" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        while (true)
        {
            s_work.Wait();
            if (!InterpreterLifetime.IsRunning)
            {
                // Finalization deletes every remaining thread state itself.
                return;
            }

            try
            {
                using (GIL.Acquire())
                {
                    PendingReleases.DeleteEndedThreadStates();
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
