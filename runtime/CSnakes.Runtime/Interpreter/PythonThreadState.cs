using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// One .NET thread's Python thread state, created on the thread's first call and reused for every
/// later call. When the thread ends this object becomes unreachable and its finalizer hands the
/// state to <see cref="PendingReleases"/>, which deletes it under the GIL.
/// </summary>
internal sealed unsafe class PythonThreadState
{
    /// <summary>The <c>PyThreadState*</c>; 0 when this thread borrowed a GIL Python already held.</summary>
    public nint Handle;

    /// <summary>Nesting depth of <see cref="GIL.Acquire"/> on this thread.</summary>
    public int Depth;

    /// <summary>True when the outermost acquire found the GIL already held by Python on this thread (a callback).</summary>
    public bool Borrowed;

    /// <summary>When borrowed outside a callback: the token from <c>PyGILState_Ensure</c>; -1 otherwise.</summary>
    public int GilStateToken = -1;

    /// <summary>This thread's "inside Python" mark, which shutdown waits on.</summary>
    public readonly CallFlag Flag = InterpreterLifetime.NewFlag();

    public PythonThreadState(nint handle) => Handle = handle;

    ~PythonThreadState()
    {
        Flag.Retired = true;
        if (Handle != 0 && !InterpreterLifetime.IsFinalized)
        {
            PendingReleases.EnqueueThreadState(Handle);
        }
    }

    public static PythonThreadState CreateForCurrentThread()
    {
        // PyThreadState_New does not need the GIL; it also registers the state as this OS thread's
        // PyGILState state, so C extensions calling PyGILState_Ensure here find it.
        nint interpreter = CPythonApi.PyInterpreterState_Main();
        return new PythonThreadState(CPythonApi.PyThreadState_New(interpreter));
    }
}
