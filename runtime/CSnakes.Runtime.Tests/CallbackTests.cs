using System.Runtime.CompilerServices;
using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>.NET delegates passed to Python as functions (FuncConverter/ActionConverter), and back.</summary>
[TestClass]
public sealed class CallbackTests
{
    private static PyObject s_module = null!;

    [ClassInitialize]
    public static void Import(TestContext _) => s_module = Env.Import("callback_fixtures");

    [ClassCleanup]
    public static void Release() => s_module.Dispose();

    [ThreadStatic]
    private static bool t_ranCallback;

    private static readonly FuncConverter<long, long> s_longToLong = new(IntConverter.Instance, IntConverter.Instance);

    /// <summary>Calls <c>callback_fixtures.name(callback, args…)</c>.</summary>
    private static PyObject CallFixture<TDelegate>(string name, PyConverter<TDelegate> converter, TDelegate callback, params object[] args)
    {
        using var function = s_module.GetAttr(name);
        var arguments = new List<PyObject> { converter.ToPython(callback) };
        arguments.AddRange(args.Select(a => a switch
        {
            long l => PyObject.From(l),
            string s => PyObject.From(s),
            _ => throw new ArgumentException("unexpected fixture argument type"),
        }));
        try
        {
            return function.Call(arguments.ToArray());
        }
        finally
        {
            arguments.ForEach(a => a.Dispose());
        }
    }

    [TestMethod]
    public void PythonCallsAFuncAndGetsTheConvertedResult()
    {
        long seen = 0;
        using var result = CallFixture("call_with", s_longToLong, x => { seen = x; return x * 10; }, 4L);
        Assert.AreEqual(4L, seen);
        Assert.AreEqual(40L, result.As<long>());
    }

    [TestMethod]
    public void FuncsOfNoneAndFourArgumentsConvertEveryArgument()
    {
        var none = new FuncConverter<string>(StrConverter.Instance);
        using (var result = CallFixture("call_with", none, () => "hello"))
        {
            Assert.AreEqual("hello", result.As<string>());
        }

        var four = new FuncConverter<long, string, double, bool, string>(IntConverter.Instance, StrConverter.Instance, FloatConverter.Instance, BoolConverter.Instance, StrConverter.Instance);
        using var function = s_module.GetAttr("call_with");
        using var callback = four.ToPython((a, b, c, d) => $"{a}/{b}/{c}/{d}");
        using var x = PyObject.From(1L);
        using var y = PyObject.From("two");
        using var z = PyObject.From(3.5);
        using var w = PyObject.From(true);
        using var four_result = function.Call([callback, x, y, z, w]);
        Assert.AreEqual("1/two/3.5/True", four_result.As<string>());
    }

    [TestMethod]
    public void PythonCallsAnActionAndGetsNone()
    {
        var received = new List<string>();
        var converter = new ActionConverter<string>(StrConverter.Instance);
        using var result = CallFixture("call_with", converter, received.Add, "ping");
        CollectionAssert.AreEqual(new[] { "ping" }, received);
        Assert.IsTrue(result.IsNone());

        int calls = 0;
        using var none = CallFixture("call_with", ActionConverter.Instance, () => calls++);
        Assert.AreEqual(1, calls);
        Assert.IsTrue(none.IsNone());
    }

    [TestMethod]
    public void AnActionsArgumentErrorsNameTheAction()
    {
        var converter = new ActionConverter<string>(StrConverter.Instance);

        using (var none = CallFixture("describe_failure", converter, _ => { }))
        {
            Assert.AreEqual("TypeError|False|.NET callback Action<String> takes 1 positional argument but 0 were given.", none.As<string>());
        }

        using var wrongType = CallFixture("describe_failure", converter, _ => { }, 1L);
        Assert.AreEqual("TypeError|False|.NET callback Action<String>: argument 1: Expected a Python 'str' but got 'int'.", wrongType.As<string>());
    }

    [TestMethod]
    public void APythonCallableBecomesAnActionThatDropsWhatItReturns()
    {
        using var dictionary = PyObject.From<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());
        using var setDefault = dictionary.GetAttr("setdefault"); // returns the value it stores
        Action<string, long> store = new ActionConverter<string, long>(StrConverter.Instance, IntConverter.Instance).FromPython(setDefault);

        store("answer", 42);

        Assert.AreEqual(42L, dictionary.As<IReadOnlyDictionary<string, long>>()["answer"]);
    }

    [TestMethod]
    public void ADotNetExceptionIsAPythonRuntimeErrorNamingIt()
    {
        using var description = CallFixture("describe_failure", s_longToLong, _ => throw new InvalidOperationException("the ledger is closed"), 1L);
        Assert.AreEqual("DotNetError|True|System.InvalidOperationException: the ledger is closed", description.As<string>());
    }

    [TestMethod]
    public void ADotNetExceptionThatPythonLetsPropagateReachesTheDotNetCaller()
    {
        var e = Assert.Throws<PythonInvocationException>(() =>
            CallFixture("call_with", s_longToLong, _ => throw new ArgumentOutOfRangeException("amount", "must be positive"), 1L).Dispose());
        StringAssert.Contains(e.PythonTypeName, "DotNetError");
        StringAssert.Contains(e.PythonMessage, "System.ArgumentOutOfRangeException: must be positive");
    }

    [TestMethod]
    public void WrongArgumentCountOrTypeIsATypeError()
    {
        using (var tooMany = CallFixture("describe_failure", s_longToLong, x => x, 1L, 2L))
        {
            Assert.AreEqual("TypeError|False|.NET callback Func<Int64, Int64> takes 1 positional argument but 2 were given.", tooMany.As<string>());
        }

        using (var none = CallFixture("describe_failure", s_longToLong, x => x))
        {
            StringAssert.StartsWith(none.As<string>(), "TypeError|False|.NET callback Func<Int64, Int64> takes 1 positional argument but 0 were given.");
        }

        using (var wrongType = CallFixture("describe_failure", s_longToLong, x => x, "not a number"))
        {
            Assert.AreEqual("TypeError|False|.NET callback Func<Int64, Int64>: argument 1: Expected a Python 'int' but got 'str'.", wrongType.As<string>());
        }

        var e = Assert.Throws<PythonInvocationException>(() => CallFixture("call_with_keyword", s_longToLong, x => x).Dispose());
        Assert.AreEqual("TypeError", e.PythonTypeName);
        StringAssert.Contains(e.PythonMessage, "keyword");
    }

    [TestMethod]
    public void EightPythonThreadsCallTheDelegateConcurrentlyAndItCallsBackIntoPython()
    {
        const int Threads = 8;
        const int Calls = 200;
        int threadsSeen = 0;
        using var add = s_module.GetAttr("add");
        var converter = new FuncConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance);
        var viaPython = new FuncConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance).FromPython(add);
        Func<long, long, long> callback = (index, i) =>
        {
            // Managed thread ids are reused once a Python thread ends; a thread-static is fresh per thread.
            if (!t_ranCallback)
            {
                t_ranCallback = true;
                Interlocked.Increment(ref threadsSeen);
            }

            return viaPython(index, i); // re-enters Python from a Python-made thread
        };

        using var function = s_module.GetAttr("call_from_threads");
        using var pyCallback = converter.ToPython(callback);
        using var threads = PyObject.From((long)Threads);
        using var calls = PyObject.From((long)Calls);
        using var result = function.Call([pyCallback, threads, calls]);

        var sums = result.As<IReadOnlyList<long>>();
        long callsSum = Calls * (Calls - 1) / 2;
        CollectionAssert.AreEqual(Enumerable.Range(0, Threads).Select(k => (long)k * Calls + callsSum).ToArray(), sums.ToArray());
        Assert.AreEqual(Threads, threadsSeen, "each Python thread runs the delegate on its own thread");
        Assert.IsFalse(t_ranCallback, "the delegate must not run on the calling thread");
    }

    [TestMethod]
    public void ADelegateThatCallsBackIntoPythonWorks()
    {
        using var add = s_module.GetAttr("add");
        Func<long, long> callback = x =>
        {
            using var a = PyObject.From(x);
            using var b = PyObject.From(100L);
            using var sum = add.Call([a, b]);
            return sum.As<long>();
        };

        using var result = CallFixture("call_with", s_longToLong, callback, 5L);
        Assert.AreEqual(105L, result.As<long>());
    }

    [TestMethod]
    public async Task ACoroutineCallsTheDelegateOnTheEventLoopThread()
    {
        int callerThread = Environment.CurrentManagedThreadId;
        int delegateThread = 0;
        Task<long> pending;
        using (var function = s_module.GetAttr("call_later"))
        using (var callback = s_longToLong.ToPython(x => { delegateThread = Environment.CurrentManagedThreadId; return x + 1; }))
        using (var x = PyObject.From(41L))
        using (var coroutine = function.Call([callback, x]))
        {
            pending = Async.PythonCoroutine.Run(coroutine, IntConverter.Instance, "callback_fixtures.call_later", CancellationToken.None);
        }

        Assert.AreEqual(42L, await pending);
        Assert.AreNotEqual(0, delegateThread);
        Assert.AreNotEqual(callerThread, delegateThread);
    }

    [TestMethod]
    public void TheDelegateIsCollectedOnceDroppedByPython()
    {
        var weak = PassToPythonAndForget();
        Collect();
        Assert.IsTrue(weak.IsAlive, "Python still holds the function, so the delegate must stay alive");

        using (var drop = s_module.GetAttr("drop_kept"))
        {
            drop.Call().Dispose();
        }

        Collect();
        Assert.IsFalse(weak.IsAlive, "Python dropped the function: its capsule must free the delegate");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference PassToPythonAndForget()
    {
        long offset = Random.Shared.Next(1, 10); // captured, so the lambda is not a cached static
        Func<long, long> callback = x => x + offset;
        using var keep = s_module.GetAttr("keep");
        using var function = s_longToLong.ToPython(callback);
        keep.Call([function]).Dispose();
        return new WeakReference(callback);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [TestMethod]
    public void APythonCallableBecomesAFuncThatCanBeCalledFromAnyThread()
    {
        using var add = s_module.GetAttr("add");
        var converter = new FuncConverter<long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance);
        Func<long, long, long> sum = converter.FromPython(add);
        var results = new long[16];
        Parallel.For(0, results.Length, i => results[i] = sum(i, 1000));
        CollectionAssert.AreEqual(Enumerable.Range(0, 16).Select(i => i + 1000L).ToArray(), results);

        var action = new ActionConverter<long>(IntConverter.Instance).FromPython(add);
        var e = Assert.Throws<PythonInvocationException>(() => action(1));
        Assert.AreEqual("TypeError", e.PythonTypeName);

        using var notCallable = PyObject.From(3L);
        Assert.ThrowsExactly<InvalidCastException>(() => converter.FromPython(notCallable));
    }

    [TestMethod]
    public void TheRegistryFindsDelegateConverters()
    {
        using var function = PyObject.From<Func<long, long>>(x => x * 3);
        Func<long, long> back = function.As<Func<long, long>>();
        Assert.AreEqual(21L, back(7));
        Assert.IsInstanceOfType<ActionConverter>(ConverterRegistry.Get<Action>());
        Assert.IsInstanceOfType<ActionConverter<long, string>>(ConverterRegistry.Get<Action<long, string>>());
    }
}
