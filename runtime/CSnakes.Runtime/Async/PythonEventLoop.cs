using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Async;

/// <summary>
/// The asyncio event loop of one interpreter: it runs <c>loop.run_forever()</c> on a Python
/// thread, so every coroutine submitted from .NET progresses on it concurrently. One .NET
/// background thread completes the .NET tasks: it blocks (without the GIL) until Python's done
/// callback queues a finished future, then reads the outcome under the GIL. Created on the first
/// await in that interpreter; stopped before it ends: by the environment's <c>Dispose</c> before Python
/// finalizes, or by a pool before it ends its sub-interpreter (whose loop thread is not a daemon: it allows none).
/// </summary>
internal sealed class PythonEventLoop
{
    private static readonly object s_gate = new();
    private static readonly Dictionary<PythonInterpreter, PythonEventLoop> s_loops = [];

    private readonly PythonInterpreter _interpreter;

    private readonly PyObject _loop;
    private readonly PyObject _submit;
    private readonly PyObject _discard;
    private readonly PyObject _nextDone;
    private readonly PyObject _iterate;
    private readonly Thread _waiter;
    private readonly Dictionary<long, PendingCoroutine> _pending = [];
    private long _nextToken;
    private bool _stopped;

    private PythonEventLoop(PyObject loop, PythonInterpreter interpreter)
    {
        _interpreter = interpreter;
        _loop = loop;
        _submit = loop.GetAttr("submit");
        _discard = loop.GetAttr("discard");
        _nextDone = loop.GetAttr("next_done");
        _iterate = loop.GetAttr("iterate");
        _waiter = new Thread(WaitLoop) { IsBackground = true, Name = "CSnakes asyncio waiter" };
        _waiter.Start();
    }

    /// <summary>The running loop of the interpreter the thread is in, started on first use. The caller holds the GIL.</summary>
    /// <exception cref="ObjectDisposedException">The environment, or the interpreter's pool, is being disposed.</exception>
    public static PythonEventLoop Current
    {
        get
        {
            var interpreter = GIL.CurrentInterpreter;
            lock (s_gate)
            {
                if (s_loops.TryGetValue(interpreter, out var running))
                {
                    return running;
                }

                var loop = new PythonEventLoop(CreatePythonLoop(daemon: interpreter.IsMain), interpreter);
                bool stopsLater = interpreter.IsMain ? PythonEnvironment.TryAddShutdownHook(loop.Stop) : interpreter.TryAddEndHook(loop.Stop);
                if (!stopsLater)
                {
                    loop.Stop();
                    throw new ObjectDisposedException(nameof(PythonEnvironment), $"{interpreter.Name} is being shut down; coroutines cannot be started in it any more.");
                }

                s_loops[interpreter] = loop;
                return loop;
            }
        }
    }

    /// <summary>
    /// Schedules <paramref name="awaitable"/> on the loop; <paramref name="pending"/> is completed
    /// when it finishes. Returns false (and schedules nothing) when the value is not awaitable.
    /// With <paramref name="cancellationToken"/> already cancelled nothing is scheduled: a coroutine
    /// is closed unstarted and <paramref name="pending"/> completes Canceled at once. The caller holds the GIL.
    /// </summary>
    public bool Submit(PyObject awaitable, PendingCoroutine pending, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Decided here, not by racing a cancel against the loop thread: nothing of it runs.
            using var isAwaitable = _discard.Call([awaitable]);
            if (!isAwaitable.IsTruthy())
            {
                return false;
            }

            pending.PublishCanceled(cancellationToken);
            return true;
        }

        long token;
        lock (_pending)
        {
            if (_stopped)
            {
                throw new ObjectDisposedException(nameof(PythonEnvironment), "The Python environment is being disposed; coroutines cannot be started any more.");
            }

            token = ++_nextToken;
            _pending.Add(token, pending);
        }

        PyObject future;
        try
        {
            using var tokenObject = IntConverter.Instance.ToPython(token);
            future = _submit.Call([awaitable, tokenObject]);
        }
        catch
        {
            Forget(token);
            throw;
        }

        if (future.IsNone())
        {
            future.Dispose();
            Forget(token);
            return false;
        }

        pending.Attach(future, cancellationToken);
        return true;
    }

    /// <summary>
    /// Wraps an async iterable (or an awaitable that gives one) for stepping from .NET: the result
    /// has coroutine methods <c>next()</c> (<c>()</c> at the end, else <c>(item,)</c>) and <c>close()</c>.
    /// Returns null when <paramref name="source"/> is neither. The caller holds the GIL.
    /// </summary>
    public PyObject? StartIteration(PyObject source)
    {
        var iteration = _iterate.Call([source]);
        if (iteration.IsNone())
        {
            iteration.Dispose();
            return null;
        }

        return iteration;
    }

    private void Forget(long token)
    {
        lock (_pending)
        {
            _pending.Remove(token);
        }
    }

    private void WaitLoop()
    {
        if (_interpreter.Sub is { } sub)
        {
            // This thread completes the tasks of a pool's sub-interpreter: it lives in that interpreter.
            GIL.EnterSubInterpreter(sub.StateForCurrentThread());
            try
            {
                CompleteTasks();
            }
            finally
            {
                GIL.LeaveSubInterpreter();
                GIL.EndThread();
            }

            return;
        }

        CompleteTasks();
    }

    private void CompleteTasks()
    {
        while (true)
        {
            PendingCoroutine? pending = null;
            using (GIL.Acquire())
            {
                // Blocks in SimpleQueue.get, which releases the GIL while it waits.
                using var item = _nextDone.Call();
                if (item.IsNone())
                {
                    return;
                }

                using var index0 = IntConverter.Instance.ToPython(0);
                using var index1 = IntConverter.Instance.ToPython(1);
                using var tokenObject = item.GetItem(index0);
                long token = IntConverter.Instance.FromPython(tokenObject);
                lock (_pending)
                {
                    _pending.Remove(token, out pending);
                }

                if (pending is not null)
                {
                    using var future = item.GetItem(index1);
                    pending.ReadOutcome(future);
                }
            }

            // Outside the GIL: unregistering waits for a running cancellation callback, which needs the GIL.
            pending?.Publish();
        }
    }

    private void Stop()
    {
        lock (_pending)
        {
            _stopped = true;
        }

        using (GIL.Acquire())
        {
            using var stop = _loop.GetAttr("stop");
            stop.Call().Dispose();
        }

        _waiter.Join();
        using (GIL.Acquire())
        {
            _submit.Dispose();
            _discard.Dispose();
            _nextDone.Dispose();
            _iterate.Dispose();
            _loop.Dispose();
        }

        lock (s_gate)
        {
            if (s_loops.TryGetValue(_interpreter, out var registered) && ReferenceEquals(registered, this))
            {
                s_loops.Remove(_interpreter);
            }
        }
    }

    private static PyObject CreatePythonLoop(bool daemon)
    {
        using (GIL.Acquire())
        {
            using var builtins = Import("builtins");
            using var types = Import("types");
            using var moduleType = types.GetAttr("ModuleType");
            using var name = StrConverter.Instance.ToPython(PythonEventLoopScript.ModuleName);
            using var module = moduleType.Call([name]);
            using var namespaceDict = module.GetAttr("__dict__");
            using var compile = builtins.GetAttr("compile");
            using var source = StrConverter.Instance.ToPython(PythonEventLoopScript.Source);
            using var fileName = StrConverter.Instance.ToPython("<csnakes asyncio loop>");
            using var mode = StrConverter.Instance.ToPython("exec");
            using var code = compile.Call([source, fileName, mode]);
            using var exec = builtins.GetAttr("exec");
            exec.Call([code, namespaceDict]).Dispose();
            using var loopType = module.GetAttr("Loop");
            using var isDaemon = PyObject.From(daemon);
            return loopType.Call([isDaemon]);
        }
    }

    private static PyObject Import(string name) => PyObject.Steal(CPythonApi.ImportModule(name));
}
