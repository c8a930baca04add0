using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// One CPython interpreter as the runtime knows it: the main interpreter, or a sub-interpreter of a
/// <see cref="PythonInterpreterPool"/>. Python objects belong to exactly one interpreter and may only be used under its
/// GIL, so every <see cref="PyObject"/> made in a sub-interpreter records it (<see cref="PyObject"/> made in the main
/// interpreter record nothing, which keeps the common case as cheap as before pools existed).
/// </summary>
internal sealed class PythonInterpreter
{
    private static readonly ConcurrentDictionary<nint, PythonInterpreter> s_byHandle = new();
    private static volatile bool s_subInterpretersExist;

    // Values of InterpreterLocal caches for this interpreter (sub-interpreters only: the main one keeps them inline).
    private readonly ConcurrentDictionary<InterpreterLocal, StrongBox<nint>> _locals = new();
    private readonly List<Action> _endHooks = [];
    private volatile bool _ended;

    private PythonInterpreter(string name, bool isMain)
    {
        Name = name;
        IsMain = isMain;
    }

    /// <summary>The process's main interpreter; its handle is known once Python has started.</summary>
    public static PythonInterpreter Main { get; } = new("the main interpreter", isMain: true);

    /// <summary>
    /// True once any sub-interpreter has been made in this process. Until then no object can be in the wrong
    /// interpreter, and the checks that need a thread-static read are skipped.
    /// </summary>
    public static bool SubInterpretersExist => s_subInterpretersExist;

    /// <summary>The <c>PyInterpreterState*</c>.</summary>
    public nint Handle { get; private set; }

    /// <summary>How messages name it: "the main interpreter", "sub-interpreter 3 (worker 1 of pool 2)".</summary>
    public string Name { get; private set; }

    public bool IsMain { get; }

    /// <summary>True once the interpreter has been ended (never for the main one: the process ends with it).</summary>
    public bool HasEnded => _ended;

    /// <summary>The sub-interpreter behind this interpreter (null for the main one): it gives threads their states in it.</summary>
    public SubInterpreters.SubInterpreter? Sub { get; set; }

    /// <summary>
    /// Registers <paramref name="hook"/> to run when this sub-interpreter is about to end, on the ending thread, which is
    /// in the interpreter and holds no GIL (e.g. stopping its asyncio loop, which joins threads). False when it has ended.
    /// </summary>
    public bool TryAddEndHook(Action hook)
    {
        lock (_endHooks)
        {
            if (_ended)
            {
                return false;
            }

            _endHooks.Add(hook);
            return true;
        }
    }

    /// <summary>Runs and forgets the end hooks (see <see cref="TryAddEndHook"/>).</summary>
    public void RunEndHooks()
    {
        Action[] hooks;
        lock (_endHooks)
        {
            hooks = [.. _endHooks];
            _endHooks.Clear();
        }

        foreach (var hook in hooks)
        {
            hook();
        }
    }

    /// <summary>References dropped on threads that could not take this interpreter's GIL, released when it is next taken.</summary>
    public ReleaseQueue Releases { get; } = new();

    /// <summary>Records the main interpreter's handle; called once Python has started.</summary>
    public static void SetMainHandle(nint handle)
    {
        Main.Handle = handle;
        s_byHandle[handle] = Main;
    }

    /// <summary>A new sub-interpreter just made by <c>Py_NewInterpreterFromConfig</c>.</summary>
    public static PythonInterpreter ForNewSubInterpreter(nint handle, string description)
    {
        long id = CPythonApi.PyInterpreterState_GetID(handle);
        var interpreter = new PythonInterpreter($"sub-interpreter {id} ({description})", isMain: false) { Handle = handle };
        s_byHandle[handle] = interpreter;
        s_subInterpretersExist = true;
        return interpreter;
    }

    /// <summary>The interpreter of a thread state Python made (a thread started by Python code), or null if unknown.</summary>
    public static PythonInterpreter? FromHandle(nint handle) => s_byHandle.GetValueOrDefault(handle);

    /// <summary>This interpreter's value of <paramref name="local"/> (a sub-interpreter's; the main one's lives in the local).</summary>
    public ref nint LocalValue(InterpreterLocal local) => ref _locals.GetOrAdd(local, static _ => new StrongBox<nint>()).Value;

    /// <summary>
    /// Releases what this interpreter's caches hold and drops the references still queued. Its GIL is held and its
    /// end is next: nothing may use its objects any more.
    /// </summary>
    public unsafe void ReleaseCachesBeforeEnd()
    {
        Releases.Drain();
        foreach (var box in _locals.Values)
        {
            nint value = Interlocked.Exchange(ref box.Value, 0);
            if (value != 0)
            {
                CPythonApi.Py_DecRef(value);
            }
        }

        _locals.Clear();
    }

    /// <summary>The interpreter is gone: its references are dropped from now on, and its address may be reused.</summary>
    public void MarkEnded()
    {
        lock (_endHooks)
        {
            _ended = true;
        }

        Releases.Close();
        s_byHandle.TryRemove(new KeyValuePair<nint, PythonInterpreter>(Handle, this));
    }

    public override string ToString() => Name;
}
