using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Interpreter;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class ThreadingTests
{
    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void SixteenThreadsTimesTenThousandCallsAllLand()
    {
        using var add = Fixtures.GetAttr("add");
        const int threads = 16, calls = 10_000;
        long total = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            long local = 0;
            for (int i = 0; i < calls; i++)
            {
                using (GIL.Acquire())
                {
                    using var a = IntConverter.Instance.ToPython(i);
                    using var b = IntConverter.Instance.ToPython(t);
                    using var r = add.Call([a, b]);
                    local += IntConverter.Instance.FromPython(r);
                }
            }

            Interlocked.Add(ref total, local);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        long expected = threads * ((long)calls * (calls - 1) / 2) + calls * (long)Enumerable.Range(0, threads).Sum();
        Assert.AreEqual(expected, total);
    }

    [TestMethod]
    public void PythonsMainThreadIsTheHostThreadNotACaller()
    {
        // If a caller's thread became threading's main thread, finalization would wait for it forever (3.9–3.11).
        using var onWorker = Task.Run(() => Call("main_thread_is_current")).Result;
        Assert.IsFalse(onWorker.As<bool>());
        using var onTestThread = Call("main_thread_is_current");
        Assert.IsFalse(onTestThread.As<bool>());
    }

    [TestMethod]
    public void MainThreadDoesNotHoldTheGilBetweenCalls()
    {
        Assert.IsFalse(GIL.IsHeld);
        using (GIL.Acquire())
        {
            Assert.IsTrue(GIL.IsHeld);
            using (GIL.Acquire())
            {
                Assert.IsTrue(GIL.IsHeld);
            }

            Assert.IsTrue(GIL.IsHeld);
        }

        Assert.IsFalse(GIL.IsHeld);
        // Another thread can take the GIL now, which proves this one released it.
        var other = Task.Run(() => { using var r = Call("increment"); return r.As<long>(); });
        Assert.IsTrue(other.Wait(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void ALongPythonCallDoesNotBlockDotNetThreadsThatDoNotTouchPython()
    {
        using var sleep = Env.Import("time").GetAttr("sleep");
        using var seconds = PyObject.From(0.5);
        var pythonCall = Task.Run(() => sleep.Call([seconds]).Dispose());
        // time.sleep releases the GIL, so even Python calls get through meanwhile.
        using var r = Call("increment");
        Assert.IsTrue(pythonCall.Wait(TimeSpan.FromSeconds(30)));
    }

    [TestMethod]
    public void ThreadStatesOfEndedThreadsAreFreed()
    {
        long before = PendingReleases.ThreadStatesReleased;
        for (int i = 0; i < 8; i++)
        {
            var t = new Thread(() => Call("thread_id").Dispose());
            t.Start();
            t.Join();
        }

        for (int attempt = 0; attempt < 20 && PendingReleases.ThreadStatesReleased < before + 8; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            // The reaper thread deletes them as soon as it gets the GIL.
            SpinWait.SpinUntil(() => PendingReleases.ThreadStatesReleased >= before + 8, TimeSpan.FromSeconds(1));
        }

        Assert.IsTrue(PendingReleases.ThreadStatesReleased >= before + 8, $"released {PendingReleases.ThreadStatesReleased - before} of 8");
    }

    [TestMethod]
    public void DeletingAnEndedThreadsStateLeavesOtherThreadsRegisteredWithPyGILState()
    {
        // On 3.12+ deleting a thread state unregisters the PyGILState state of the deleting thread. When the
        // next thread to take the GIL did the deleting, that thread lost its registration, and a later
        // PyGILState_Ensure on it (a C extension, or a .NET callback on a Python-made thread) aborted Python.
        Call("thread_id").Dispose();
        long before = PendingReleases.ThreadStatesReleased;
        var ended = new Thread(() => Call("thread_id").Dispose());
        ended.Start();
        ended.Join();

        for (int attempt = 0; attempt < 20 && PendingReleases.ThreadStatesReleased <= before; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Call("thread_id").Dispose(); // this thread takes the GIL while the state is pending
            SpinWait.SpinUntil(() => PendingReleases.ThreadStatesReleased > before, TimeSpan.FromSeconds(1));
        }
        Assert.IsTrue(PendingReleases.ThreadStatesReleased > before, "the ended thread's state was not deleted");

        using (GIL.Acquire())
        {
            int registered;
            unsafe
            {
                registered = CSnakes.Runtime.Native.CPythonApi.PyGILState_Check();
            }
            Assert.AreEqual(1, registered, "this thread is still PyGILState-registered");
        }
    }

    [TestMethod]
    public void FinalizedObjectsAreReleasedLaterUnderTheGil()
    {
        long before = PendingReleases.ObjectsReleased;
        CreateGarbage();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Call("thread_id").Dispose();
        Assert.IsTrue(PendingReleases.ObjectsReleased >= before + 100, $"released {PendingReleases.ObjectsReleased - before}");
    }

    private static void CreateGarbage()
    {
        for (int i = 0; i < 100; i++)
        {
            _ = PyObject.From($"garbage {i}");
        }
    }
}
