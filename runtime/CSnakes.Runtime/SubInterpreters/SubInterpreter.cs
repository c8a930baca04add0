using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.SubInterpreters;

/// <summary>
/// One sub-interpreter with its own GIL (<c>Py_NewInterpreterFromConfig</c>, CPython 3.13+): made by a pool, entered
/// by the threads that run the pool's work, and ended when the pool is disposed.
/// </summary>
/// <remarks>
/// <para>Each thread that enters gets a thread state of its own here, made on that thread (a state carries its
/// thread's stack limits, so it must never move to another thread) and kept for later work. The interpreter deletes
/// all of them before it ends: <c>Py_EndInterpreter</c> requires the ending state to be its last.</para>
/// <para>A thread's main-interpreter state is always made before its first sub-interpreter state, so the sub-state
/// is never the one the thread's PyGILState API answers with (the first state a thread makes is), and deleting
/// it later unregisters nothing.</para>
/// </remarks>
internal sealed unsafe class SubInterpreter
{
    [ThreadStatic]
    private static Dictionary<SubInterpreter, PythonThreadState>? t_states;

    // Interpreters whose Python threads outlived the pool: finalizing Python would join those threads forever.
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> s_leftRunning = new();

    /// <summary>Why each interpreter left running was left (empty when none): the main interpreter must then not be finalized.</summary>
    public static IReadOnlyCollection<string> LeftRunning => s_leftRunning;

    private readonly object _gate = new();
    private readonly List<PythonThreadState> _states = [];
    private SubInterpreter(PythonInterpreter interpreter)
    {
        Interpreter = interpreter;
        interpreter.Sub = this;
    }

    public PythonInterpreter Interpreter { get; }

    /// <summary>
    /// Makes a sub-interpreter and sets it up like the main one (<see cref="InterpreterSetup"/>). The calling thread
    /// holds no GIL and is in the main interpreter.
    /// </summary>
    /// <exception cref="PythonInitializationException">Python refused to make it, or setting it up failed.</exception>
    public static SubInterpreter Create(PythonEnvironmentOptions options, string description)
    {
        var main = GIL.MainThreadState();
        if (!InterpreterLifetime.TryEnter(main.Flag))
        {
            throw GIL.NotRunning();
        }

        nint created = 0;
        try
        {
            CPythonApi.PyEval_RestoreThread(main.Handle);
            var config = new CPythonApi.PyInterpreterConfig
            {
                // What CPython calls an isolated interpreter (concurrent.interpreters makes the same): its own
                // GIL and allocator, no fork or exec, threads but no daemon threads, and only extension modules
                // that declare support for it.
                UseMainObmalloc = 0,
                AllowFork = 0,
                AllowExec = 0,
                AllowThreads = 1,
                AllowDaemonThreads = 0,
                CheckMultiInterpExtensions = 1,
                Gil = CPythonApi.PyInterpreterConfig.OwnGil,
            };
            PyStatus status = CPythonApi.Py_NewInterpreterFromConfig(&created, &config);
            if (status.IsError || created == 0)
            {
                // On failure the main state is current again, with its GIL.
                CPythonApi.PyEval_SaveThread();
                throw new PythonInitializationException($"Python {CPythonApi.Version} could not make a sub-interpreter: {status.Describe()}.");
            }

            // The main GIL was released by Python; the new interpreter's state is current, holding its GIL.
            CPythonApi.PyEval_SaveThread();
        }
        finally
        {
            InterpreterLifetime.Leave(main.Flag);
        }

        var interpreter = PythonInterpreter.ForNewSubInterpreter(CPythonApi.PyThreadState_GetInterpreter(created), description);
        var sub = new SubInterpreter(interpreter);
        var creatorState = new PythonThreadState(created, interpreter);
        sub.Adopt(creatorState);
        GIL.EnterSubInterpreter(creatorState);
        try
        {
            using (GIL.Acquire())
            {
                InterpreterSetup.Configure(options);
            }
        }
        catch (PythonInvocationException e)
        {
            GIL.LeaveSubInterpreter();
            sub.End(TimeSpan.Zero);
            throw new PythonInitializationException($"A sub-interpreter could not be set up: {e.PythonTypeName}: {e.PythonMessage}", e);
        }

        GIL.LeaveSubInterpreter();
        return sub;
    }

    /// <summary>This interpreter's thread state for the calling thread, made on its first use here.</summary>
    public PythonThreadState StateForCurrentThread()
    {
        if (t_states is { } states && states.TryGetValue(this, out var known))
        {
            return known;
        }

        if (Interpreter.HasEnded)
        {
            throw new ObjectDisposedException(Interpreter.Name, $"{Interpreter.Name} has ended.");
        }

        GIL.EnsureMainThreadState();
        var state = PythonThreadState.CreateForCurrentThread(Interpreter);
        Adopt(state);
        return state;
    }

    /// <summary>
    /// Waits for the Python threads work started (what <c>Py_EndInterpreter</c> would join with no limit); returns
    /// the names of those still running. <see cref="Timeout.InfiniteTimeSpan"/> leaves the waiting to Python.
    /// </summary>
    private static string WaitForPythonThreads(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "";
        }

        try
        {
            return ShutdownWait.WaitForThreads(timeout);
        }
        catch (PythonInvocationException)
        {
            // Python is too broken to ask (threading replaced): end it as Python itself would.
            return "";
        }
    }

    /// <summary>
    /// Drops the ending thread's <c>threading._DummyThread</c> while <c>threading</c> still works. Python makes one for a
    /// thread it did not start as soon as code asks for the current thread (joining a thread does); since 3.13 it is
    /// forgotten when its thread state is cleared, which for the ending thread happens after <c>threading</c> was torn
    /// down, and Python then prints "Exception ignored in _DeleteDummyThreadOnDel.__del__". The GIL is held.
    /// </summary>
    private static void ForgetDummyThread()
    {
        try
        {
            PythonSource.Execute(
                "import threading\n" +
                "_info = getattr(threading, '_thread_local_info', None)\n" +
                "if _info is not None and hasattr(_info, '_track_dummy_thread_ref'):\n" +
                "    del _info._track_dummy_thread_ref\n",
                null, null).Dispose();
        }
        catch (PythonInvocationException)
        {
            // threading replaced by the program: the message Python may print is the only consequence.
        }
    }

    /// <summary>Records <paramref name="state"/>, a state of this interpreter made on the calling thread.</summary>
    private void Adopt(PythonThreadState state)
    {
        lock (_gate)
        {
            _states.Add(state);
        }

        var states = t_states ??= [];
        // Entries of interpreters that have ended would otherwise stay for the life of a long-lived thread.
        foreach (var ended in states.Keys.Where(s => s.Interpreter.HasEnded).ToList())
        {
            states.Remove(ended);
        }

        states[this] = state;
    }

    /// <summary>
    /// Ends the interpreter on the calling thread, which is in the main interpreter and holds no GIL; no other thread
    /// is in it. First waits up to <paramref name="threadTimeout"/> for Python threads that work started.
    /// </summary>
    /// <param name="threadTimeout">How long to wait for the interpreter's Python threads.</param>
    /// <param name="beforeEnd">Run inside the interpreter, holding its GIL, before anything is released (the pool disposes its module wrappers).</param>
    /// <returns>Null when it ended; otherwise why it was left running (its Python threads did not end). Either way it is never used again.</returns>
    public string? End(TimeSpan threadTimeout, Action? beforeEnd = null)
    {
        var state = StateForCurrentThread();
        GIL.EnterSubInterpreter(state);
        try
        {
            // Before the GIL is taken: a hook may join threads that need it (the asyncio loop's).
            Interpreter.RunEndHooks();
            using (GIL.Acquire())
            {
                string stillRunning = WaitForPythonThreads(threadTimeout);
                if (stillRunning.Length > 0)
                {
                    Interpreter.MarkEnded();
                    string why = $"{Interpreter.Name} was left running: its Python thread(s) {stillRunning} did not end within {threadTimeout.TotalSeconds:0.###} s.";
                    s_leftRunning.Enqueue(why);
                    return why;
                }

                beforeEnd?.Invoke();
                ForgetDummyThread();
                ExceptionTypeCache.ForgetCurrentInterpreter();
                Interpreter.ReleaseCachesBeforeEnd();
                lock (_gate)
                {
                    foreach (var other in _states)
                    {
                        if (other != state)
                        {
                            // Not current anywhere: no work runs in the interpreter any more.
                            CPythonApi.PyThreadState_Clear(other.Handle);
                            CPythonApi.PyThreadState_Delete(other.Handle);
                        }
                    }

                    _states.Clear();
                }
            }

            CPythonApi.PyEval_RestoreThread(state.Handle);
            CPythonApi.Py_EndInterpreter(state.Handle);
            Interpreter.MarkEnded();
            return null;
        }
        finally
        {
            GIL.LeaveSubInterpreter();
        }
    }
}
