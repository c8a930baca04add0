using CSnakes.Runtime.Async;
using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>PythonAsyncIterator: Python async generators enumerated as IAsyncEnumerable on the one asyncio loop.</summary>
[TestClass]
public sealed class AsyncIteratorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static IAsyncEnumerable<T> Start<T>(string name, PyConverter<T> item, CancellationToken cancellationToken, params object[] args)
    {
        using (GIL.Acquire())
        {
            using var module = Env.Import("async_iterator_fixtures");
            using var function = module.GetAttr(name);
            var arguments = args.Select(ToPython).ToArray();
            try
            {
                using var source = function.Call(arguments);
                return PythonAsyncIterator.Enumerate(source, item, "async_iterator_fixtures." + name, cancellationToken);
            }
            finally
            {
                foreach (var argument in arguments)
                {
                    argument.Dispose();
                }
            }
        }
    }

    private static PyObject ToPython(object value) => value switch
    {
        int i => IntConverter.Instance.ToPython(i),
        string s => StrConverter.Instance.ToPython(s),
        _ => throw new ArgumentException("unsupported test argument", nameof(value)),
    };

    private static T CallFixture<T>(string name, PyConverter<T> result, params object[] args)
    {
        using (GIL.Acquire())
        {
            using var module = Env.Import("async_iterator_fixtures");
            using var function = module.GetAttr(name);
            var arguments = args.Select(a => a is double d ? FloatConverter.Instance.ToPython(d) : ToPython(a)).ToArray();
            try
            {
                using var value = function.Call(arguments);
                return result.FromPython(value);
            }
            finally
            {
                foreach (var argument in arguments)
                {
                    argument.Dispose();
                }
            }
        }
    }

    private static bool WaitFor(string flag, double seconds) => CallFixture("wait_for", BoolConverter.Instance, flag, seconds);

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }
        return list;
    }

    [TestMethod]
    public async Task ItemsArriveInOrderWithAwaitsBetweenThem()
    {
        var items = await Collect(Start("count", IntConverter.Instance, CancellationToken.None, 5)).WaitAsync(Patience);
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 4 }, items);
    }

    [TestMethod]
    public async Task ANoneItemIsAnItemNotTheEnd()
    {
        var items = await Collect(Start("words", new OptionalConverter<string>(StrConverter.Instance), CancellationToken.None)).WaitAsync(Patience);
        CollectionAssert.AreEqual(new[] { "a", null, "c" }, items);
    }

    [TestMethod]
    public async Task AnAwaitableGivingAnAsyncIteratorAndAPlainAsyncIterableAreEnumerated()
    {
        var fromCoroutine = await Collect(Start("coroutine_giving_iterator", IntConverter.Instance, CancellationToken.None, 3)).WaitAsync(Patience);
        CollectionAssert.AreEqual(new long[] { 0, 1, 2 }, fromCoroutine);
        var fromIterable = await Collect(Start("ticker", IntConverter.Instance, CancellationToken.None, 3)).WaitAsync(Patience);
        CollectionAssert.AreEqual(new long[] { 2, 1, 0 }, fromIterable);
    }

    [TestMethod]
    public async Task AnExceptionMidStreamSurfacesWithItsPythonTraceback()
    {
        var seen = new List<long>();
        var error = await Assert.ThrowsAsync<PythonInvocationException>(async () =>
        {
            await foreach (var item in Start("fail_after", IntConverter.Instance, CancellationToken.None, 2))
            {
                seen.Add(item);
            }
        });
        CollectionAssert.AreEqual(new long[] { 0, 1 }, seen);
        Assert.AreEqual("ValueError", error.PythonTypeName);
        StringAssert.Contains(error.PythonMessage, "stream broke");
        StringAssert.Contains(error.PythonStackTrace, "fail_after");
        StringAssert.Contains(error.PythonStackTrace, "_raise_value_error");
    }

    [TestMethod]
    public async Task CancellingMidStreamCancelsThePendingStepInPython()
    {
        using var cancellation = new CancellationTokenSource();
        await using var enumerator = Start("wait_forever", IntConverter.Instance, cancellation.Token).GetAsyncEnumerator();
        Assert.IsTrue(await enumerator.MoveNextAsync().AsTask().WaitAsync(Patience));
        Assert.AreEqual(1, enumerator.Current);

        var step = enumerator.MoveNextAsync().AsTask();
        Assert.IsTrue(WaitFor("started", Patience.TotalSeconds), "the generator never reached its long sleep");
        Assert.IsFalse(step.IsCompleted);
        cancellation.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => step.WaitAsync(Patience));
        Assert.IsTrue(WaitFor("cancelled", Patience.TotalSeconds), "the Python generator never saw CancelledError");
    }

    [TestMethod]
    public async Task WithCancellationCancelsTooAndAnAlreadyCancelledTokenStopsTheFirstStep()
    {
        var items = Start("count", IntConverter.Instance, CancellationToken.None, 3);
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in items.WithCancellation(new CancellationToken(canceled: true)))
            {
                Assert.Fail("no item should arrive after cancellation");
            }
        });
    }

    [TestMethod]
    public async Task TheMethodTokenAndTheWithCancellationTokenBothCancel()
    {
        using var methodCancellation = new CancellationTokenSource();
        using var enumeratorCancellation = new CancellationTokenSource();
        var seen = new List<long>();
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Start("count", IntConverter.Instance, methodCancellation.Token, 1000).WithCancellation(enumeratorCancellation.Token))
            {
                seen.Add(item);
                enumeratorCancellation.Cancel();
            }
        });
        CollectionAssert.AreEqual(new long[] { 0 }, seen);

        using var otherEnumerator = new CancellationTokenSource();
        seen.Clear();
        await Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Start("count", IntConverter.Instance, methodCancellation.Token, 1000).WithCancellation(otherEnumerator.Token))
            {
                seen.Add(item);
                methodCancellation.Cancel();
            }
        });
        CollectionAssert.AreEqual(new long[] { 0 }, seen);
    }

    [TestMethod]
    public async Task BreakingEarlyRunsThePythonFinallyBlock()
    {
        var seen = new List<long>();
        await foreach (var item in Start("guarded", IntConverter.Instance, CancellationToken.None))
        {
            seen.Add(item);
            if (seen.Count == 3)
            {
                break;
            }
        }

        CollectionAssert.AreEqual(new long[] { 0, 1, 2 }, seen);
        // Zero timeout: disposing awaited aclose(), so the finally block has already run.
        Assert.IsTrue(WaitFor("finally_ran", 0.0), "the generator's finally block did not run when the enumeration was disposed");
    }

    [TestMethod]
    public async Task TwentyEnumerationsInterleaveOnOneLoop()
    {
        const int total = 20;
        CallFixture("reset_events", PyObjectConverter.Instance).Dispose();
        var enumerations = Enumerable.Range(0, total)
            .Select(i => Collect(Start("rendezvous", IntConverter.Instance, CancellationToken.None, "e" + i, total, 3)))
            .ToList();

        var results = await Task.WhenAll(enumerations).WaitAsync(Patience);
        Assert.IsTrue(results.All(r => r.SequenceEqual(new long[] { 0, 1, 2 })));
        // Run one after another, at most one step would ever be in flight.
        Assert.AreEqual(total, CallFixture("max_overlap", IntConverter.Instance));
    }

    [TestMethod]
    public void AValueThatIsNotAsyncIterableIsAnInvalidCastAtTheCall()
    {
        var error = Assert.ThrowsExactly<InvalidCastException>(() => Start("not_async", IntConverter.Instance, CancellationToken.None));
        StringAssert.Contains(error.Message, "async_iterator_fixtures.not_async");
        StringAssert.Contains(error.Message, "'int'");
    }

    [TestMethod]
    public async Task TheSequenceCanBeEnumeratedOnlyOnce()
    {
        var items = Start("count", IntConverter.Instance, CancellationToken.None, 2);
        CollectionAssert.AreEqual(new long[] { 0, 1 }, await Collect(items).WaitAsync(Patience));
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => items.GetAsyncEnumerator());
        StringAssert.Contains(error.Message, "async_iterator_fixtures.count");
    }
}
