using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// One .NET thread's Python thread state in one interpreter, created on the thread's first call there and reused
/// for every later call. A main-interpreter state whose thread has ended becomes unreachable and its finalizer hands
/// it to <see cref="PendingReleases"/>, which deletes it under the GIL; a sub-interpreter's states are deleted by
/// that interpreter when it ends (<see cref="SubInterpreters.SubInterpreter"/>).
/// </summary>
internal sealed unsafe class PythonThreadState
{
    /// <summary>The <c>PyThreadState*</c>; 0 when this thread borrowed a GIL Python already held.</summary>
    public nint Handle;

    /// <summary>The interpreter this state belongs to: <see cref="GIL.Acquire"/> takes that interpreter's GIL.</summary>
    public readonly PythonInterpreter Interpreter;

    /// <summary>Nesting depth of <see cref="GIL.Acquire"/> on this thread.</summary>
    public int Depth;

    /// <summary>True when the outermost acquire found the GIL already held by Python on this thread (a callback).</summary>
    public bool Borrowed;

    /// <summary>When borrowed outside a callback: the token from <c>PyGILState_Ensure</c>; -1 otherwise.</summary>
    public int GilStateToken = -1;

    /// <summary>This thread's "inside Python" mark, which shutdown waits on.</summary>
    public readonly CallFlag Flag = InterpreterLifetime.NewFlag();

    public PythonThreadState(nint handle, PythonInterpreter interpreter)
    {
        Handle = handle;
        Interpreter = interpreter;
    }

    ~PythonThreadState()
    {
        Flag.Retired = true;
        if (Handle != 0 && Interpreter.IsMain && !InterpreterLifetime.IsFinalized)
        {
            PendingReleases.EnqueueThreadState(Handle);
        }
    }

    /// <summary>A new state of <paramref name="interpreter"/> for the calling thread.</summary>
    public static PythonThreadState CreateForCurrentThread(PythonInterpreter interpreter)
    {
        // PyThreadState_New does not need the GIL. It also registers the state as this OS thread's PyGILState
        // state when the thread has none yet (C extensions calling PyGILState_Ensure here find it): a thread's
        // main-interpreter state is therefore made before any sub-interpreter state (see GIL.EnterSubInterpreter).
        return new PythonThreadState(CPythonApi.PyThreadState_New(interpreter.Handle), interpreter);
    }
}
