using System.Diagnostics;
using CSnakes.Runtime.Async;
using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>PythonCoroutine: coroutines awaited as .NET tasks on the one asyncio loop.</summary>
[TestClass]
public sealed class AsyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static Task<T> Start<T>(string name, PyConverter<T> result, CancellationToken cancellationToken, params PyObject[] args)
    {
        using (GIL.Acquire())
        {
            using var module = Env.Import("async_fixtures");
            using var function = module.GetAttr(name);
            using var coroutine = function.Call(args);
            return PythonCoroutine.Run(coroutine, result, "async_fixtures." + name, cancellationToken);
        }
    }

    private static bool CallBool(string name, double argument)
    {
        using var module = Env.Import("async_fixtures");
        using var function = module.GetAttr(name);
        using var value = FloatConverter.Instance.ToPython(argument);
        using var result = function.Call([value]);
        return BoolConverter.Instance.FromPython(result);
    }

    [TestMethod]
    public async Task ACoroutineValueIsConverted()
    {
        using var a = IntConverter.Instance.ToPython(2);
        using var b = IntConverter.Instance.ToPython(40);
        long sum = await Start("add_later", IntConverter.Instance, CancellationToken.None, a, b).WaitAsync(Patience);
        Assert.AreEqual(42, sum);
    }

    [TestMethod]
    public async Task ANoneCoroutineCompletesAPlainTask()
    {
        Task task;
        using (GIL.Acquire())
        {
            using var module = Env.Import("async_fixtures");
            using var function = module.GetAttr("do_nothing");
            using var coroutine = function.Call();
            task = PythonCoroutine.Run(coroutine, "async_fixtures.do_nothing");
        }

        await task.WaitAsync(Patience);
        Assert.IsTrue(task.IsCompletedSuccessfully);
    }

    [TestMethod]
    public async Task ManyConcurrentAwaitsProgressTogetherOnOneLoop()
    {
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task<double>>();
        for (int i = 0; i < 50; i++)
        {
            using var seconds = FloatConverter.Instance.ToPython(0.2);
            tasks.Add(Start("nap", FloatConverter.Instance, CancellationToken.None, seconds));
        }

        double[] results = await Task.WhenAll(tasks).WaitAsync(Patience);
        clock.Stop();
        Assert.AreEqual(50, results.Length);
        Assert.IsTrue(results.All(r => r == 0.2));
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(5), $"50 sleeps of 0.2 s took {clock.Elapsed}: they did not run concurrently");
    }

    [TestMethod]
    public async Task AnExceptionFaultsTheTaskWithItsPythonTraceback()
    {
        using var message = StrConverter.Instance.ToPython("boom");
        var task = Start("fail_later", IntConverter.Instance, CancellationToken.None, message);
        var error = await Assert.ThrowsAsync<PythonInvocationException>(() => task.WaitAsync(Patience));
        Assert.AreEqual("ValueError", error.PythonTypeName);
        StringAssert.Contains(error.PythonMessage, "boom");
        StringAssert.Contains(error.PythonStackTrace, "fail_later");
        StringAssert.Contains(error.PythonStackTrace, "_raise_value_error");
    }

    [TestMethod]
    public async Task AValueThatLiesIsAnInvalidCastNamingTheFunction()
    {
        var task = Start("lie", IntConverter.Instance, CancellationToken.None);
        var error = await Assert.ThrowsExactlyAsync<InvalidCastException>(() => task.WaitAsync(Patience));
        StringAssert.Contains(error.Message, "async_fixtures.lie");
        StringAssert.Contains(error.Message, "'str'");
    }

    [TestMethod]
    public void ANonAwaitableIsAnInvalidCastAtTheCall()
    {
        var error = Assert.ThrowsExactly<InvalidCastException>(() => Start("not_a_coroutine", IntConverter.Instance, CancellationToken.None));
        StringAssert.Contains(error.Message, "async_fixtures.not_a_coroutine");
        StringAssert.Contains(error.Message, "'int'");
    }

    [TestMethod]
    public async Task CancellingTheTokenCancelsThePythonTask()
    {
        using var cancellation = new CancellationTokenSource();
        var task = Start("wait_forever", IntConverter.Instance, cancellation.Token);
        Assert.IsTrue(CallBool("wait_for_started", Patience.TotalSeconds), "the coroutine never started");

        cancellation.Cancel();
        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => task.WaitAsync(Patience));
        Assert.AreEqual(cancellation.Token, error.CancellationToken);
        Assert.IsTrue(task.IsCanceled);
        Assert.IsTrue(CallBool("wait_for_cancelled", Patience.TotalSeconds), "the Python task never saw CancelledError");
    }

    [TestMethod]
    public async Task AnAlreadyCancelledTokenGivesACanceledTask()
    {
        using var seconds = FloatConverter.Instance.ToPython(0.01);
        var task = Start("nap", FloatConverter.Instance, new CancellationToken(canceled: true), seconds);
        await Assert.ThrowsAsync<OperationCanceledException>(() => task.WaitAsync(Patience));
        Assert.IsTrue(task.IsCanceled);
    }

    private static long CallLong(string name)
    {
        using var module = Env.Import("async_fixtures");
        using var function = module.GetAttr(name);
        using var result = function.Call();
        return IntConverter.Instance.FromPython(result);
    }

    [TestMethod]
    public async Task AnAlreadyCancelledTokenRunsNoBodyAndCancelsWithTheCallersToken()
    {
        long before = CallLong("bodies_started_count");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var tasks = new List<Task<long>>();
        for (int i = 0; i < 200; i++)
        {
            using var seconds = FloatConverter.Instance.ToPython(0.0);
            tasks.Add(Start("count_body", IntConverter.Instance, cancellation.Token, seconds));
        }

        foreach (var task in tasks)
        {
            var error = await Assert.ThrowsAsync<OperationCanceledException>(() => task.WaitAsync(Patience));
            Assert.AreEqual(cancellation.Token, error.CancellationToken);
            Assert.IsTrue(task.IsCanceled);
        }

        // One uncancelled call after them: the loop runs submissions in order, so once it is done
        // anything the 200 had scheduled would have started too.
        using (var seconds = FloatConverter.Instance.ToPython(0.0))
        {
            Assert.AreEqual(1L, await Start("count_body", IntConverter.Instance, CancellationToken.None, seconds).WaitAsync(Patience));
        }

        Assert.AreEqual(1L, CallLong("bodies_started_count") - before, "bodies ran for pre-cancelled tokens");
    }

    [TestMethod]
    public async Task ACoroutineThatCancelsItselfIsCanceledWithoutClaimingTheCallersToken()
    {
        using var cancellation = new CancellationTokenSource();
        var task = Start("cancel_myself", IntConverter.Instance, cancellation.Token);
        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => task.WaitAsync(Patience));
        Assert.IsTrue(task.IsCanceled);
        Assert.IsFalse(cancellation.IsCancellationRequested);
        Assert.AreNotEqual(cancellation.Token, error.CancellationToken, "the task claims the caller cancelled it");
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ACancelRacingCompletionNeverLosesAFinishedCoroutinesResult()
    {
        const int count = 3000;
        var sources = new CancellationTokenSource[count];
        var tasks = new Task<long>[count];
        using var created = new SemaphoreSlim(0);
        // Cancels each task as soon as it exists, racing the loop thread that runs it.
        var canceller = Task.Run(async () =>
        {
            for (int i = 0; i < count; i++)
            {
                await created.WaitAsync();
                sources[i].Cancel();
            }
        });
        for (int i = 0; i < count; i++)
        {
            sources[i] = new CancellationTokenSource();
            using var index = IntConverter.Instance.ToPython(i);
            tasks[i] = Start("finish_and_record", IntConverter.Instance, sources[i].Token, index);
            created.Release();
        }

        await canceller.WaitAsync(Patience);
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Patience);

        HashSet<long> finished;
        using (var module = Env.Import("async_fixtures"))
        using (var function = module.GetAttr("finished_indexes"))
        using (var list = function.Call())
        {
            finished = [.. list.As<IReadOnlyList<long>>()];
        }

        int completed = 0;
        for (int i = 0; i < count; i++)
        {
            if (finished.Contains(i))
            {
                Assert.IsTrue(tasks[i].IsCompletedSuccessfully, $"task {i}: its coroutine finished but the task is {tasks[i].Status}");
                Assert.AreEqual(i, tasks[i].Result);
                completed++;
            }
            else
            {
                Assert.IsTrue(tasks[i].IsCanceled, $"task {i}: its coroutine never finished but the task is {tasks[i].Status}");
            }

            sources[i].Dispose();
        }

        Console.WriteLine($"{completed} of {count} finished before their cancel, {count - completed} were cancelled");
    }
}
