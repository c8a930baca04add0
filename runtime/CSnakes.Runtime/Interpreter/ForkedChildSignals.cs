namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Makes a child made by <c>os.fork()</c> (multiprocessing's <c>fork</c> start method) behave like
/// the child of a plain Python process rather than a headless copy of the .NET host.
/// </summary>
/// <remarks>
/// A forked child inherits the .NET runtime's signal handlers but none of its threads. Those
/// handlers write the signal into a pipe that the child shares with the parent, so the parent's
/// .NET signal thread acts on it: <c>Pool.terminate()</c> sending SIGTERM to a worker made the host
/// app run its exit path and end with 143, and the worker itself never died of the signal. In the
/// child we reset every handler that neither Python code installed nor is SIG_IGN to SIG_DFL (exec
/// would do the same), re-arm faulthandler over the defaults if it was on, and unblock all signals;
/// signals are blocked in the forking thread from just before the fork until then, so none meets a
/// .NET handler in the child. The child
/// runs only Python and leaves through <c>os._exit</c>, so nothing of .NET's runtime is needed there:
/// no managed code runs in it (a Python callback into .NET from a forked child is not supported).
/// Registered with <c>os.register_at_fork</c>, so only forks made through Python are affected.
/// <c>subprocess</c> (and so the spawn/forkserver start methods) forks without these hooks and
/// execs, which resets handlers; CPython 3.10+ also resets them between its fork and exec, 3.9 does not.
/// </remarks>
internal static class ForkedChildSignals
{
    public const string ModuleName = "_csnakes_fork";

    public const string Source = """
        import os
        import signal


        def install():
            if not hasattr(os, "register_at_fork"):
                return False
            try:
                import ctypes

                libc = ctypes.CDLL(None, use_errno=True)
                sigaction = libc.sigaction
                sigaction.argtypes = (ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
                sigaction.restype = ctypes.c_int
                raw_signal = libc.signal
                raw_signal.argtypes = (ctypes.c_int, ctypes.c_void_p)
                raw_signal.restype = ctypes.c_void_p
            except (ImportError, OSError, AttributeError):
                return _install_without_ctypes()
            # struct sigaction starts with the handler on Linux and macOS; the rest is never read.
            current = ctypes.create_string_buffer(1024)
            skip = {signal.SIGKILL, signal.SIGSTOP}

            def handler_of(signum):
                if sigaction(signum, None, current) != 0:
                    return None
                return ctypes.c_void_p.from_buffer(current).value or 0

            def reset(signum):
                raw_signal(signum, None)

            _register(handler_of, reset, skip)
            return True


        def _install_without_ctypes():
            # After a fork the forking thread is Python's main thread, so signal.signal works there.
            # Without ctypes only handlers Python does not know about (getsignal() is None) are reset.
            def handler_of(signum):
                try:
                    return None if signal.getsignal(signum) is not None else 2
                except (ValueError, OSError):
                    return None

            def reset(signum):
                signal.signal(signum, signal.SIG_DFL)

            _register(handler_of, reset, {signal.SIGKILL, signal.SIGSTOP})
            return True


        def _register(handler_of, reset, skip):
            # Signals stay blocked from just before fork until the child has reset its handlers: a
            # SIGTERM sent to a child that has only just started (start() then terminate()) would
            # otherwise meet .NET's handler, reach the parent and leave the child running. Blocked, it
            # stays pending and kills the child once the default disposition is back.
            import threading

            can_block = hasattr(signal, "pthread_sigmask")
            # Per thread: two threads may fork at once, and each restores its own mask.
            saved = threading.local()

            def before():
                if can_block:
                    saved.mask = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())

            def after_in_parent():
                mask = getattr(saved, "mask", None)
                if mask is not None:
                    saved.mask = None
                    signal.pthread_sigmask(signal.SIG_SETMASK, mask)

            def after_in_child():
                saved.mask = None
                _after_in_child(handler_of, reset, skip)

            os.register_at_fork(before=before, after_in_parent=after_in_parent, after_in_child=after_in_child)


        def _after_in_child(handler_of, reset, skip):
            import faulthandler

            rearm = faulthandler.is_enabled()
            if rearm:
                # Puts the inherited (.NET) handlers back first, so resetting below removes them.
                faulthandler.disable()
            for signum in range(1, signal.NSIG):
                if signum in skip:
                    continue
                handler = handler_of(signum)
                if handler is None or handler in (0, 1):  # unknown, SIG_DFL or SIG_IGN
                    continue
                try:
                    if callable(signal.getsignal(signum)):  # installed by Python code: keep it
                        continue
                except (ValueError, OSError):
                    pass
                try:
                    reset(signum)
                except (ValueError, OSError):
                    pass
            if hasattr(signal, "pthread_sigmask"):
                # A Python child starts with nothing blocked; pending signals are delivered here.
                signal.pthread_sigmask(signal.SIG_SETMASK, ())
            if rearm:
                faulthandler.enable()
        """;

    /// <summary>Registers the fork hook (a no-op where <c>os.fork</c> does not exist). The GIL is held.</summary>
    public static void Install()
    {
        using var module = EmbeddedScript.Load(ModuleName, Source);
        EmbeddedScript.Call(module, "install").Dispose();
    }
}
