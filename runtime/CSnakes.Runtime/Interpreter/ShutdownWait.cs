using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// The bounded part of shutdown: waits for Python's non-daemon threads before <c>Py_FinalizeEx</c>,
/// which would otherwise wait for them with no limit (it joins every non-daemon <c>threading.Thread</c>).
/// </summary>
internal static class ShutdownWait
{
    public const string ModuleName = "_csnakes_shutdown";

    public const string Source = """
        import threading
        import time


        def wait_for_threads(timeout):
            # Joins the non-daemon threads for at most timeout seconds in all; returns the names of
            # those still running, quoted and comma-separated ("" when none). Threads Python did not
            # start (.NET threads that called in) are dummy threads: not joinable, and not daemon
            # threads in a sub-interpreter that allows none.
            deadline = time.monotonic() + timeout
            main = threading.main_thread()
            while True:
                alive = [t for t in threading.enumerate()
                         if t is not main and not t.daemon and t.is_alive() and not isinstance(t, threading._DummyThread)]
                remaining = deadline - time.monotonic()
                if not alive or remaining <= 0:
                    return ", ".join(repr(t.name) for t in alive)
                alive[0].join(remaining)
        """;

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the non-daemon threads to end; returns the names of
    /// those still running (empty when none). The GIL is held (joining releases it while it waits).
    /// </summary>
    public static string WaitForThreads(TimeSpan timeout)
    {
        using var module = EmbeddedScript.Load(ModuleName, Source);
        using var seconds = PyObject.From(timeout.TotalSeconds);
        using var names = EmbeddedScript.Call(module, "wait_for_threads", seconds);
        return names.As(StrConverter.Instance);
    }
}
