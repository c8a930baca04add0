namespace CSnakes.Runtime.Native;

/// <summary>
/// The C API of sub-interpreters (3.12+: <c>Py_NewInterpreterFromConfig</c>), resolved when the first pool is made so
/// older interpreters load as before. <c>PyThreadState_GetUnchecked</c> is resolved at load (the GIL code needs it).
/// </summary>
internal static unsafe partial class CPythonApi
{
    /// <summary><c>PyInterpreterConfig</c>: seven <c>int</c>s, the same in 3.12 to 3.15.</summary>
    public struct PyInterpreterConfig
    {
        public int UseMainObmalloc;
        public int AllowFork;
        public int AllowExec;
        public int AllowThreads;
        public int AllowDaemonThreads;
        public int CheckMultiInterpExtensions;
        public int Gil;

        /// <summary><c>PyInterpreterConfig_OWN_GIL</c>.</summary>
        public const int OwnGil = 2;
    }

    private static delegate* unmanaged<nint*, PyInterpreterConfig*, PyStatus> s_newInterpreterFromConfig;
    private static delegate* unmanaged<nint, void> s_endInterpreter;
    private static delegate* unmanaged<nint, long> s_interpreterStateGetId;
    private static delegate* unmanaged<nint> s_threadStateGetUnchecked;
    private static delegate* unmanaged<nint, nint> s_threadStateGetInterpreter;
    private static delegate* unmanaged<void> s_threadStateDeleteCurrent;

    /// <summary>Deletes the current thread state, which was cleared, and releases its GIL (<c>PyThreadState_DeleteCurrent</c>).</summary>
    public static void PyThreadState_DeleteCurrent()
    {
        if (s_threadStateDeleteCurrent == null)
        {
            s_threadStateDeleteCurrent = (delegate* unmanaged<void>)Require("PyThreadState_DeleteCurrent");
        }

        s_threadStateDeleteCurrent();
    }

    /// <summary>The interpreter of a thread state (<c>PyThreadState_GetInterpreter</c>, 3.9+). Needs no GIL.</summary>
    public static nint PyThreadState_GetInterpreter(nint threadState)
    {
        if (s_threadStateGetInterpreter == null)
        {
            s_threadStateGetInterpreter = (delegate* unmanaged<nint, nint>)Require("PyThreadState_GetInterpreter");
        }

        return s_threadStateGetInterpreter(threadState);
    }

    /// <summary>
    /// True when the runtime makes sub-interpreters with their own GIL: CPython 3.13+. 3.12 has the API, but its
    /// isolated sub-interpreters corrupt the process's memory with common modules: with pure Python 3.12.1, a
    /// sub-interpreter that imports <c>asyncio</c> or <c>ssl</c> and is destroyed makes the process abort at exit
    /// ("free(): invalid pointer"; objects of its allocator left in the main interpreter's free lists), and one that
    /// refuses a single-phase extension makes the main interpreter's next import of it abort (gh-117953).
    /// </summary>
    public static bool HasOwnGilSubInterpreters => Version >= new Version(3, 13) && Optional("Py_NewInterpreterFromConfig") != 0;

    /// <summary>
    /// Makes an interpreter (<c>Py_NewInterpreterFromConfig</c>). The caller holds another interpreter's GIL; with an
    /// own-GIL config that GIL is released and, on success, the new interpreter's thread state is current with its
    /// GIL held. On failure the caller's thread state is current again.
    /// </summary>
    public static PyStatus Py_NewInterpreterFromConfig(nint* threadState, PyInterpreterConfig* config)
    {
        if (s_newInterpreterFromConfig == null)
        {
            s_newInterpreterFromConfig = (delegate* unmanaged<nint*, PyInterpreterConfig*, PyStatus>)Require("Py_NewInterpreterFromConfig");
        }

        return s_newInterpreterFromConfig(threadState, config);
    }

    /// <summary>
    /// Ends the interpreter of <paramref name="threadState"/>, which is current and is its interpreter's last thread
    /// state; its GIL is held. Returns with no thread state current and no GIL held.
    /// </summary>
    public static void Py_EndInterpreter(nint threadState)
    {
        if (s_endInterpreter == null)
        {
            s_endInterpreter = (delegate* unmanaged<nint, void>)Require("Py_EndInterpreter");
        }

        s_endInterpreter(threadState);
    }

    /// <summary>The interpreter's id, as <c>concurrent.interpreters</c> numbers them (main is 0). Needs no GIL.</summary>
    public static long PyInterpreterState_GetID(nint interpreter)
    {
        if (s_interpreterStateGetId == null)
        {
            s_interpreterStateGetId = (delegate* unmanaged<nint, long>)Require("PyInterpreterState_GetID");
        }

        return s_interpreterStateGetId(interpreter);
    }

    /// <summary>
    /// True when this OS thread has a Python thread state attached (holds some interpreter's GIL). On 3.12+ this
    /// reads the thread-local current state: <c>PyGILState_Check</c> answers 1 unconditionally once a sub-interpreter
    /// has been made, so it cannot be trusted there. Before 3.12 <c>PyGILState_Check</c> is exact (and the unchecked
    /// getter read a process-wide variable).
    /// </summary>
    public static bool ThisThreadHoldsAGil() =>
        s_threadStateGetUnchecked != null ? s_threadStateGetUnchecked() != 0 : PyGILState_Check() != 0;

    private static void LoadSubInterpreterSupport()
    {
        if (Version >= new Version(3, 12))
        {
            // Renamed in 3.13 (PyThreadState_GetUnchecked); 3.12 exports only the old name.
            nint getter = Optional("PyThreadState_GetUnchecked");
            s_threadStateGetUnchecked = (delegate* unmanaged<nint>)(getter != 0 ? getter : Require("_PyThreadState_UncheckedGet"));
        }
    }
}
