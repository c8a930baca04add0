using CSnakes.Runtime.Async;
using CSnakes.Runtime.Interpreter;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// <see cref="PythonInterpreterPool"/>: work runs in sub-interpreters with their own GIL (3.13+), each importing its own
/// modules; objects stay in their interpreter; cancellation, errors, async functions and disposal behave as
/// documented. Before 3.13 making a pool is refused.
/// </summary>
[TestClass]
public sealed class PoolTests
{
    private static bool PoolsSupported => Env.Version > new Version(3, 13, 0);

    private static PythonInterpreterPool NewPool(int workers = 2)
    {
        if (!PoolsSupported)
        {
            Assert.Inconclusive($"interpreter pools need Python 3.13+; this is {Env.VersionString}");
        }

        return Env.CreateInterpreterPool(workers);
    }

    private static long Remember(IPythonEnvironment python, long value)
    {
        using var module = python.Import("pool_fixtures");
        using var remember = module.GetAttr("remember");
        using var argument = PyObject.From(value);
        using var result = remember.Call([argument]);
        return result.As<long>();
    }

    [TestMethod]
    public void BeforePython313MakingAPoolIsNotSupported()
    {
        if (PoolsSupported)
        {
            Assert.Inconclusive("this Python supports pools");
        }

        var error = Assert.ThrowsExactly<NotSupportedException>(() => Env.CreateInterpreterPool(2));
        StringAssert.Contains(error.Message, "3.13");
    }

    [TestMethod]
    public void WorkRunsInAnInterpreterWithItsOwnModules()
    {
        using var pool = NewPool(1);
        long mainMarker = Marker(Env);
        long inPool = pool.Run(Marker);
        Assert.AreNotEqual(mainMarker, inPool, "the pool's interpreter imported the same module object as the main one");

        // Module state is per interpreter: the pool's list grows on its own, the main one is untouched.
        long mainBefore = Remember(Env, 1);
        Assert.AreEqual(1L, pool.Run(py => Remember(py, 10)));
        Assert.AreEqual(2L, pool.Run(py => Remember(py, 11)));
        Assert.AreEqual(mainBefore + 1, Remember(Env, 2));

        static long Marker(IPythonEnvironment python)
        {
            using var module = python.Import("pool_fixtures");
            using var marker = module.GetAttr("interpreter_marker");
            using var result = marker.Call([]);
            return result.As<long>();
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task RunAsyncRunsEveryPieceOfWork()
    {
        using var pool = NewPool(2);
        var tasks = Enumerable.Range(0, 40).Select(i => pool.RunAsync(py =>
        {
            using var module = py.Import("pool_fixtures");
            using var burn = module.GetAttr("burn");
            using var n = PyObject.From(1000L + i);
            using var result = burn.Call([n]);
            return result.As<long>();
        })).ToList();
        long[] results = await Task.WhenAll(tasks);

        using var module = Env.Import("pool_fixtures");
        using var burn = module.GetAttr("burn");
        for (int i = 0; i < results.Length; i++)
        {
            using var n = PyObject.From(1000L + i);
            using var expected = burn.Call([n]);
            Assert.AreEqual(expected.As<long>(), results[i]);
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void RunFromManyThreadsAtOnceUsesEveryWorker()
    {
        using var pool = NewPool(2);
        static long Marker(IPythonEnvironment python)
        {
            using var marker = python.ExecuteExpression("id(__import__('pool_fixtures'))");
            return marker.As<long>();
        }

        // Two pieces of work that wait for each other can only finish if they run at once, on both workers.
        using var both = new CountdownEvent(2);
        var pair = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() => pool.Run(py =>
        {
            both.Signal();
            Assert.IsTrue(both.Wait(TimeSpan.FromSeconds(60)), "the two pieces of work did not run at the same time");
            return Marker(py);
        }), TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(pair);
        Assert.AreNotEqual(pair[0].Result, pair[1].Result, "both pieces of work ran in the same interpreter");

        // Many threads at once: every call lands, each in one of the two interpreters.
        var markers = new System.Collections.Concurrent.ConcurrentBag<long>();
        var callers = Enumerable.Range(0, 6).Select(_ => Task.Factory.StartNew(() =>
        {
            for (int i = 0; i < 20; i++)
            {
                markers.Add(pool.Run(Marker));
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(callers);
        Assert.AreEqual(120, markers.Count);
        CollectionAssert.IsSubsetOf(markers.Distinct().ToList(), new[] { pair[0].Result, pair[1].Result });
    }

    [TestMethod]
    public void AnObjectFromWorkIsRefusedOutsideIt()
    {
        using var pool = NewPool(1);
        using var escaped = pool.Run(py => py.ExecuteExpression("[1, 2, 3]"));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => escaped.As<IReadOnlyList<long>>());
        StringAssert.Contains(error.Message, "sub-interpreter");
        StringAssert.Contains(error.Message, "main interpreter");

        // Inside work on the same interpreter it is still the same live object.
        Assert.AreEqual(3, pool.Run(_ => escaped.As<IReadOnlyList<long>>().Count));
    }

    [TestMethod]
    public void AMainInterpreterObjectIsRefusedInsideWork()
    {
        using var pool = NewPool(1);
        using var mainList = Env.ExecuteExpression("[1, 2]");
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => pool.Run(_ => mainList.As<IReadOnlyList<long>>()));
        StringAssert.Contains(error.Message, "main interpreter");
        Assert.AreEqual(2, mainList.As<IReadOnlyList<long>>().Count);
    }

    [TestMethod]
    public void TheWorkEnvironmentIsRefusedOutsideItsWork()
    {
        using var pool = NewPool(1);
        var escaped = pool.Run(py => py);
        Assert.ThrowsExactly<InvalidOperationException>(() => escaped.Import("sys"));
        Assert.ThrowsExactly<NotSupportedException>(() => pool.Run(py => py.CreateInterpreterPool(1)));
    }

    [TestMethod]
    public void ConvertedValuesCrossFreely()
    {
        using var pool = NewPool(1);
        var values = pool.Run(py =>
        {
            using var made = py.ExecuteExpression("{'a': [1, 2], 'b': [3]}");
            return made.As<IReadOnlyDictionary<string, IReadOnlyList<long>>>();
        });
        CollectionAssert.AreEqual(new long[] { 1, 2 }, values["a"].ToArray());
        // .NET values go in as freely: converted inside the work, in that interpreter.
        long sum = pool.Run(py =>
        {
            using var list = PyObject.From(values["a"]);
            using var total = py.ExecuteExpression("sum(x)", new Dictionary<string, PyObject> { ["x"] = list });
            return total.As<long>();
        });
        Assert.AreEqual(3L, sum);
    }

    [TestMethod]
    public void APythonErrorInWorkIsAPythonException()
    {
        using var pool = NewPool(1);
        var error = Assert.ThrowsExactly<BuiltinsModule.ValueError>(() => pool.Run(py =>
        {
            using var module = py.Import("pool_fixtures");
            using var fail = module.GetAttr("fail");
            using var message = PyObject.From("bad input");
            return fail.Call([message]);
        }));
        Assert.AreEqual("bad input", error.PythonMessage);
        StringAssert.Contains(error.PythonStackTrace, "pool_fixtures.py");
        // The pool keeps working.
        Assert.AreEqual(2L, pool.Run(py => { using var two = py.ExecuteExpression("1 + 1"); return two.As<long>(); }));
    }

    [TestMethod]
    public async Task ACancelledTokenCancelsAndTheWorkNeverRuns()
    {
        using var pool = NewPool(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        int ran = 0;
        var task = pool.RunAsync(_ => Interlocked.Increment(ref ran), cancelled.Token);
        Assert.IsTrue(task.IsCanceled);
        await Assert.ThrowsExactlyAsync<TaskCanceledException>(() => task);

        // Cancelled while queued behind busy work: never runs either.
        using var gate = new ManualResetEventSlim();
        var busy = pool.RunAsync(_ => gate.Wait(TimeSpan.FromSeconds(60)));
        using var later = new CancellationTokenSource();
        var queued = pool.RunAsync(_ => Interlocked.Increment(ref ran), later.Token);
        later.Cancel();
        gate.Set();
        await busy;
        await Assert.ThrowsExactlyAsync<TaskCanceledException>(() => queued);
        Assert.AreEqual(0, ran);
    }

    [TestMethod]
    public async Task WorkAfterDisposeIsRefused()
    {
        var pool = NewPool(1);
        Assert.AreEqual(1L, pool.Run(_ => 1L));
        pool.Dispose();
        pool.Dispose();
        Assert.IsTrue(pool.IsDisposed);
        Assert.ThrowsExactly<ObjectDisposedException>(() => pool.Run(_ => 1));
        Assert.ThrowsExactly<ObjectDisposedException>(() => pool.RunAsync(_ => 1));
        // The main interpreter is unaffected.
        Assert.AreEqual(1L, Remember(Env, 5) > 0 ? 1L : 0L);
        await Task.CompletedTask;
    }

    [TestMethod]
    public void DisposeWaitsForQueuedAndRunningWork()
    {
        var pool = NewPool(1);
        var started = new ManualResetEventSlim();
        var first = pool.RunAsync(py => { started.Set(); Thread.Sleep(200); using var v = py.ExecuteExpression("6 * 7"); return v.As<long>(); });
        var second = pool.RunAsync(py => { using var v = py.ExecuteExpression("2 ** 10"); return v.As<long>(); });
        started.Wait(TimeSpan.FromSeconds(30));
        pool.Dispose();
        Assert.AreEqual(42L, first.Result);
        Assert.AreEqual(1024L, second.Result);
    }

    [TestMethod]
    public void DisposingFromInsideWorkIsRefused()
    {
        using var pool = NewPool(1);
        Assert.ThrowsExactly<InvalidOperationException>(() => pool.Run(_ => { pool.Dispose(); return 0; }));
        Assert.IsFalse(pool.IsDisposed);
    }

    [TestMethod]
    public void AnObjectOfAnEndedInterpreterIsDisposedNotUsed()
    {
        PyObject escaped;
        using (var pool = NewPool(1))
        {
            escaped = pool.Run(py => py.ExecuteExpression("object()"));
        }

        Assert.ThrowsExactly<ObjectDisposedException>(() => escaped.IsNone());
        escaped.Dispose();
    }

    [TestMethod]
    public void ThreadsThatWorkStartsAreWaitedFor()
    {
        string doneFile = Path.Combine(Root, $"pool-thread-{Guid.NewGuid():N}");
        var pool = NewPool(1);
        pool.Run(py =>
        {
            using var module = py.Import("pool_fixtures");
            using var start = module.GetAttr("start_thread");
            using var seconds = PyObject.From(0.3);
            using var file = PyObject.From(doneFile);
            start.Call([seconds, file]).Dispose();
            return 0;
        });
        Assert.IsFalse(File.Exists(doneFile));
        pool.Dispose();
        Assert.IsTrue(File.Exists(doneFile), "Dispose ended the interpreter before its thread finished");
    }

    private static Task<long> Coroutine(IPythonEnvironment python, string name, CancellationToken cancellationToken, params PyObject[] args)
    {
        using (GIL.Acquire())
        {
            using var module = python.Import("pool_fixtures");
            using var function = module.GetAttr(name);
            using var coroutine = function.Call(args);
            return PythonCoroutine.Run(coroutine, Converters.IntConverter.Instance, "pool_fixtures." + name, cancellationToken);
        }
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task AsyncPythonFunctionsRunOnTheInterpretersOwnLoop()
    {
        using var pool = NewPool(2);
        // Awaited inside the work and after it: the coroutine runs on its interpreter's loop either way.
        long inside = pool.Run(py => Coroutine(py, "slow_double", CancellationToken.None, PyObject.From(21L)).GetAwaiter().GetResult());
        Assert.AreEqual(42L, inside);
        var started = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => pool.RunAsync(py => Coroutine(py, "slow_double", CancellationToken.None, PyObject.From((long)i)))));
        CollectionAssert.AreEqual(Enumerable.Range(0, 8).Select(i => 2L * i).ToArray(), await Task.WhenAll(started));

        // Cancelling a coroutine of a sub-interpreter cancels its task.
        using var cancel = new CancellationTokenSource();
        var endless = pool.Run(py =>
        {
            using (GIL.Acquire())
            {
                using var module = py.Import("pool_fixtures");
                using var function = module.GetAttr("never_ends");
                using var coroutine = function.Call([]);
                return PythonCoroutine.Run(coroutine, "pool_fixtures.never_ends", cancel.Token);
            }
        });
        cancel.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => endless);

        // The main interpreter's loop is its own and keeps working.
        using var module = Env.Import("pool_fixtures");
        using var function = module.GetAttr("slow_double");
        using var argument = PyObject.From(5L);
        using var coroutine = function.Call([argument]);
        Assert.AreEqual(10L, await PythonCoroutine.Run(coroutine, Converters.IntConverter.Instance, "pool_fixtures.slow_double"));
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void DisposingAPoolCancelsItsPendingCoroutines()
    {
        var pool = NewPool(1);
        var endless = pool.Run(py =>
        {
            using (GIL.Acquire())
            {
                using var module = py.Import("pool_fixtures");
                using var function = module.GetAttr("never_ends");
                using var coroutine = function.Call([]);
                return PythonCoroutine.Run(coroutine, "pool_fixtures.never_ends");
            }
        });
        pool.Dispose();
        Assert.IsTrue(endless.IsCanceled || endless.IsFaulted, $"the coroutine's task is {endless.Status} after its interpreter ended");
    }

    /// <summary>
    /// The paths of pool work (a call into a module of the sub-interpreter, an awaited coroutine on its loop, an object
    /// disposed outside its interpreter, one left to the finalizer) leave no Python reference behind: measured with
    /// <c>sys.gettotalrefcount()</c> of a debug build (e.g. Debian's python3.14d), which counts every interpreter.
    /// </summary>
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void PoolWorkLeaksNoReferences()
    {
        using var debugBuild = Env.ExecuteExpression("hasattr(__import__('sys'), 'gettotalrefcount')");
        if (!debugBuild.As<bool>() || !PoolsSupported)
        {
            Assert.Inconclusive("needs a debug build of Python 3.13+ (sys.gettotalrefcount), e.g. Debian's python3.14d");
        }

        using var pool = NewPool(1);
        void Round()
        {
            // What is particular to pools: a module imported and called in the sub-interpreter, its asyncio loop, and
            // objects released outside their interpreter. (Translating a Python exception grows by about 0.6 references
            // per exception on 3.14d in the main interpreter too, not on 3.11d: not a pool path.)
            pool.Run(py => Remember(py, 1));
            pool.Run(py => Coroutine(py, "slow_double", CancellationToken.None, PyObject.From(3L)).GetAwaiter().GetResult());
            pool.Run(py => py.ExecuteExpression("object()")).Dispose();   // released outside its interpreter: queued
            Forget(pool);                                                   // left to the finalizer
        }

        for (int i = 0; i < 5; i++)
        {
            Round();
        }

        long before = TotalRefCount(pool);
        const int rounds = 200;
        for (int i = 0; i < rounds; i++)
        {
            Round();
        }

        long after = TotalRefCount(pool);
        // One reference leaked per round on any path would be 200 or more.
        Assert.IsTrue(after - before < 100, $"total references grew by {after - before} over {rounds} rounds of pool work");

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        static void Forget(PythonInterpreterPool pool) => pool.Run(py => py.ExecuteExpression("[object()]"));
    }

    private static long TotalRefCount(PythonInterpreterPool pool)
    {
        // Forgotten objects are queued by their finalizers and released when their interpreter's GIL is next taken.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return pool.Run(py =>
        {
            using var total = py.ExecuteExpression("(__import__('gc').collect(), __import__('sys').gettotalrefcount())[1]");
            return total.As<long>();
        });
    }
}
