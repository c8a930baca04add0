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
/// <remarks>
/// Each interpreter has its own GIL. A thread is in the main interpreter, except while it runs work of a
/// <see cref="PythonInterpreterPool"/>: then <see cref="Acquire"/> takes the GIL of the sub-interpreter the work runs on.
/// </remarks>
public static class GIL
{
    // The state Acquire uses: the thread's main-interpreter state, or a sub-interpreter's while the thread runs pool work.
    [ThreadStatic]
    private static PythonThreadState? t_state;

    // The thread's main-interpreter state while t_state is a sub-interpreter's.
    [ThreadStatic]
    private static PythonThreadState? t_mainState;

    /// <summary>True when the current thread holds the GIL through <see cref="Acquire"/>.</summary>
    public static bool IsHeld => t_state is { Depth: > 0 };

    /// <summary>The sub-interpreter the calling thread runs pool work in, or null in the main interpreter.</summary>
    internal static PythonInterpreter? CurrentSubInterpreter => t_state?.Interpreter is { IsMain: false } sub ? sub : null;

    /// <summary>The interpreter the calling thread is in.</summary>
    internal static PythonInterpreter CurrentInterpreter => t_state?.Interpreter ?? PythonInterpreter.Main;

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

            // First call on this thread. If Python already holds a GIL here, this is a thread Python created
            // (e.g. a callback from a Python thread, maybe in a sub-interpreter): borrow its thread state.
            state = CPythonApi.ThisThreadHoldsAGil()
                ? new PythonThreadState(0, PythonInterpreter.FromHandle(CPythonApi.PyInterpreterState_Get()) ?? PythonInterpreter.Main)
                : PythonThreadState.CreateForCurrentThread(PythonInterpreter.Main);
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
            state.GilStateToken = CPythonApi.ThisThreadHoldsAGil() ? -1 : CPythonApi.PyGILState_Ensure();
        }
        else
        {
            state.Borrowed = false;
            CPythonApi.PyEval_RestoreThread(state.Handle);
        }

        state.Depth = 1;
        var releases = state.Interpreter.Releases;
        if (releases.Any)
        {
            releases.Drain();
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

    /// <summary>
    /// Makes sure the calling thread has its main-interpreter thread state, so that it is the one registered for the
    /// thread's PyGILState API (a sub-interpreter state made first would be). The thread holds no GIL.
    /// </summary>
    internal static void EnsureMainThreadState()
    {
        if (t_state is null && t_mainState is null)
        {
            if (!InterpreterLifetime.IsRunning)
            {
                throw NotRunning();
            }

            t_state = PythonThreadState.CreateForCurrentThread(PythonInterpreter.Main);
        }
    }

    /// <summary>
    /// The calling thread's own main-interpreter state, made if needed, for code that takes the main GIL by hand
    /// (making a sub-interpreter). The thread holds no GIL and is in the main interpreter.
    /// </summary>
    internal static PythonThreadState MainThreadState()
    {
        if (IsHeld || t_mainState is not null || t_state is { Handle: 0 })
        {
            throw new InvalidOperationException("An interpreter pool cannot be made or disposed on a thread that holds the GIL, runs pool work, or was started by Python (for example inside a Python callback).");
        }

        EnsureMainThreadState();
        return t_state!;
    }

    /// <summary>
    /// Moves the calling thread into the sub-interpreter of <paramref name="state"/> (a state made on this thread):
    /// <see cref="Acquire"/> takes that interpreter's GIL until <see cref="LeaveSubInterpreter"/>. The thread holds no GIL
    /// and is in the main interpreter.
    /// </summary>
    internal static void EnterSubInterpreter(PythonThreadState state)
    {
        if (IsHeld || t_mainState is not null)
        {
            throw new InvalidOperationException("Pool work cannot start on a thread that holds the GIL or already runs pool work (for example inside a Python callback, or inside other pool work).");
        }

        t_mainState = t_state;
        t_state = state;
    }

    /// <summary>Returns the calling thread to the main interpreter. The thread holds no GIL.</summary>
    internal static void LeaveSubInterpreter()
    {
        t_state = t_mainState;
        t_mainState = null;
    }

    /// <summary>
    /// Deletes the calling thread's main-interpreter state now, on this thread, for a thread of the runtime's own that
    /// is about to end (a pool's thread, an asyncio waiter). Left to <see cref="ThreadStateReaper"/>, the state would be
    /// deleted on another thread, which a debug build of CPython 3.12+ rejects with an assertion (the state is this
    /// thread's PyGILState registration). The thread holds no GIL and runs no pool work.
    /// </summary>
    internal static unsafe void EndThread()
    {
        var state = t_state;
        if (state is null || state.Handle == 0 || state.Depth > 0 || t_mainState is not null || !InterpreterLifetime.TryEnter(state.Flag))
        {
            return;
        }

        CPythonApi.PyEval_RestoreThread(state.Handle);
        CPythonApi.PyThreadState_Clear(state.Handle);
        CPythonApi.PyThreadState_DeleteCurrent();
        InterpreterLifetime.Leave(state.Flag);
        state.Handle = 0;
        state.Flag.Retired = true;
        t_state = null;
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
