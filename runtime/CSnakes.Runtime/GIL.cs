using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// The global interpreter lock. Hold it around any direct use of Python objects:
/// <code>using (GIL.Acquire()) { … }</code>
/// Acquiring is re-entrant on one thread and cheap when the thread already holds it. Each .NET
/// thread gets its own Python thread state on first use and keeps it until the thread ends.
/// Generated wrappers and the <see cref="PyObject"/> API take it for you.
/// </summary>
public static class GIL
{
    [ThreadStatic]
    private static PythonThreadState? t_state;

    /// <summary>True when the current thread holds the GIL through <see cref="Acquire"/>.</summary>
    public static bool IsHeld => t_state is { Depth: > 0 };

    /// <summary>Takes the GIL for the current thread until the returned scope is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The Python environment was disposed.</exception>
    /// <exception cref="InvalidOperationException">No Python environment has been started.</exception>
    public static Scope Acquire()
    {
        var state = t_state;
        if (state is { Depth: > 0 })
        {
            state.Depth++;
            return new Scope(state);
        }

        return AcquireSlow();
    }

    private static unsafe Scope AcquireSlow()
    {
        var state = t_state;
        if (state is null)
        {
            if (!InterpreterLifetime.IsRunning)
            {
                throw NotRunning();
            }

            // First call on this thread. If Python already holds the GIL here, this is a thread
            // Python created (e.g. a callback from a Python thread): borrow its thread state.
            state = CPythonApi.PyGILState_Check() != 0
                ? new PythonThreadState(0)
                : PythonThreadState.CreateForCurrentThread();
            t_state = state;
        }

        if (!InterpreterLifetime.TryEnter(state.Flag))
        {
            throw NotRunning();
        }

        // A thread with a state of our own cannot hold the GIL at depth 0: we released it last time
        // and Python only takes it back inside calls we are in (which would make depth > 0).
        if (state.Handle == 0)
        {
            // A Python-created thread: inside a callback Python holds the GIL and we borrow it;
            // otherwise take it through the PyGILState API with the thread's own Python state.
            state.Borrowed = true;
            state.GilStateToken = CPythonApi.PyGILState_Check() != 0 ? -1 : CPythonApi.PyGILState_Ensure();
        }
        else
        {
            state.Borrowed = false;
            CPythonApi.PyEval_RestoreThread(state.Handle);
        }

        state.Depth = 1;
        if (PendingReleases.Any)
        {
            PendingReleases.Drain();
        }

        return new Scope(state);
    }

    internal static Exception NotRunning() => InterpreterLifetime.WasEverStarted
        ? new ObjectDisposedException(nameof(PythonEnvironment), "The Python environment has been disposed; Python cannot be called any more in this process.")
        : new InvalidOperationException("No Python environment is running. Call PythonEnvironment.Start() first.");

    private static unsafe void Release(PythonThreadState state)
    {
        if (--state.Depth > 0)
        {
            return;
        }

        if (!state.Borrowed)
        {
            CPythonApi.PyEval_SaveThread();
        }
        else if (state.GilStateToken >= 0)
        {
            CPythonApi.PyGILState_Release(state.GilStateToken);
        }

        InterpreterLifetime.Leave(state.Flag);
    }

    /// <summary>Holds the GIL until disposed. Dispose exactly once, on the thread that acquired it.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly PythonThreadState? _state;

        internal Scope(PythonThreadState state) => _state = state;

        /// <summary>Releases this hold on the GIL.</summary>
        public void Dispose()
        {
            if (_state is not null)
            {
                Release(_state);
            }
        }
    }
}
