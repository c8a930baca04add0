using CSnakes.Runtime.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class LoggingBridgeTests
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(30);

    private static PyObject CallLogging(string name, params PyObject[] args)
    {
        using var module = Env.Import("logging_fixtures");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    [TestMethod]
    public void EachPythonLevelMapsToItsLogLevelUnderThePrefixedCategory()
    {
        var recorder = new LoggingRecorder();
        using (var bridge = PythonLogging.Attach(Env, recorder, new PythonLoggingOptions { MinimumLevel = LogLevel.Trace }))
        {
            CallLogging("log_each_level").Dispose();
            Assert.IsTrue(bridge.Flush(FlushTimeout));
        }

        var entries = recorder.Entries.Where(e => e.Category == "Python.fixtures.logging").Select(e => (e.Level, e.Message)).ToList();
        CollectionAssert.AreEqual(
            new[]
            {
                (LogLevel.Trace, "custom level five"),
                (LogLevel.Debug, "debug 1"),
                (LogLevel.Information, "info two"),
                (LogLevel.Warning, "warning"),
                (LogLevel.Error, "error"),
                (LogLevel.Critical, "critical"),
            },
            entries);
        var state = recorder.Entries.First(e => e.Message == "warning").State!;
        Assert.AreEqual("fixtures.logging", state.Single(kv => kv.Key == "PythonLogger").Value);
        StringAssert.Contains((string)state.Single(kv => kv.Key == "PythonLocation").Value!, "logging_fixtures.py:");
    }

    [TestMethod]
    public void MinimumLevelDropsLowerRecordsAndTheRootLevelIsRestoredAfterwards()
    {
        using var before = CallLogging("root_level");
        var recorder = new LoggingRecorder();
        using (var bridge = PythonLogging.Attach(Env, recorder, new PythonLoggingOptions { MinimumLevel = LogLevel.Warning }))
        {
            CallLogging("log_each_level").Dispose();
            Assert.IsTrue(bridge.Flush(FlushTimeout));
        }

        CollectionAssert.AreEqual(new[] { LogLevel.Warning, LogLevel.Error, LogLevel.Critical }, recorder.Entries.Select(e => e.Level).ToList());
        using var after = CallLogging("root_level");
        Assert.AreEqual(before.As<long>(), after.As<long>());
    }

    [TestMethod]
    public void LoggedExceptionCarriesThePythonTypeAndTraceback()
    {
        var recorder = new LoggingRecorder();
        using (var bridge = PythonLogging.Attach(Env, recorder))
        {
            CallLogging("log_exception").Dispose();
            Assert.IsTrue(bridge.Flush(FlushTimeout));
        }

        var entry = recorder.Entries.Single();
        Assert.AreEqual(LogLevel.Error, entry.Level);
        Assert.AreEqual("forecast failed", entry.Message);
        var exception = Assert.IsInstanceOfType<PythonInvocationException>(entry.Exception);
        Assert.AreEqual("ValueError", exception.PythonTypeName);
        Assert.AreEqual("bad forecast input", exception.PythonMessage);
        StringAssert.StartsWith(exception.PythonStackTrace, "Traceback (most recent call last):");
        StringAssert.Contains(exception.PythonStackTrace, "in _inner_failure");
        StringAssert.Contains(exception.ToString(), "ValueError: bad forecast input");
    }

    [TestMethod]
    public void DisposeDeliversEveryQueuedRecordInOrder()
    {
        const int count = 20_000;
        var recorder = new LoggingRecorder();
        using (PythonLogging.Attach(Env, recorder))
        {
            using var n = PyObject.From((long)count);
            CallLogging("log_many", n).Dispose();
            // No flush: disposing right away must still deliver all of them.
        }

        var messages = recorder.Entries.Select(e => e.Message).ToList();
        Assert.AreEqual(count, messages.Count);
        CollectionAssert.AreEqual(Enumerable.Range(0, count).Select(i => $"record {i}").ToList(), messages);
    }

    [TestMethod]
    public void RecordsAreLoggedInTheScopeOfTheDotNetCallThatLoggedThem()
    {
        var recorder = new LoggingRecorder();
        var scoped = recorder.CreateLogger("request");
        using (var bridge = PythonLogging.Attach(Env, recorder))
        {
            // Four "requests" on four threads at once, each inside its own scope, like ASP.NET Core's RequestId.
            Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            {
                using (scoped.BeginScope("request-" + i))
                {
                    using var tag = PyObject.From("call-" + i);
                    CallLogging("log_tagged", tag).Dispose();
                }
            });
            using (scoped.BeginScope("outer"))
            {
                using var tag = PyObject.From("python-thread");
                CallLogging("log_tagged_from_python_thread", tag).Dispose();
            }
            CallLogging("log_tagged", PyObject.From("no-scope")).Dispose();
            Assert.IsTrue(bridge.Flush(FlushTimeout));
        }

        var entries = recorder.Entries.Where(e => e.Message.StartsWith("tagged ", StringComparison.Ordinal)).ToList();
        for (int i = 0; i < 4; i++)
        {
            var entry = entries.Single(e => e.Message == "tagged call-" + i);
            CollectionAssert.AreEqual(new object?[] { "request-" + i }, entry.Scopes.ToList(), $"record of call {i}");
        }
        Assert.AreEqual(0, entries.Single(e => e.Message == "tagged python-thread").Scopes.Count,
            "a thread Python started itself has no .NET scope");
        Assert.AreEqual(0, entries.Single(e => e.Message == "tagged no-scope").Scopes.Count);
    }

    [TestMethod]
    public void FlowScopesOffLogsWithoutTheCallersScope()
    {
        var recorder = new LoggingRecorder();
        using (var bridge = PythonLogging.Attach(Env, recorder, new PythonLoggingOptions { FlowScopes = false }))
        {
            using (recorder.CreateLogger("request").BeginScope("request-x"))
            {
                using var tag = PyObject.From("unscoped");
                CallLogging("log_tagged", tag).Dispose();
            }
            Assert.IsTrue(bridge.Flush(FlushTimeout));
        }

        Assert.AreEqual(0, recorder.Entries.Single(e => e.Message == "tagged unscoped").Scopes.Count);
    }

    [TestMethod]
    public void RecordsFromPythonThreadsAllArrive()
    {
        var recorder = new LoggingRecorder();
        using (PythonLogging.Attach(Env, recorder))
        {
            using var threads = PyObject.From(8L);
            using var each = PyObject.From(500L);
            CallLogging("log_from_threads", threads, each).Dispose();
        }

        var entries = recorder.Entries;
        Assert.AreEqual(8 * 500, entries.Count);
        for (int t = 0; t < 8; t++)
        {
            var mine = entries.Where(e => e.Category == $"Python.fixtures.thread{t}").Select(e => e.Message).ToList();
            CollectionAssert.AreEqual(Enumerable.Range(0, 500).Select(i => $"thread {t} record {i}").ToList(), mine);
        }
    }

    [TestMethod]
    public void RootLoggerUsesThePrefixAloneAndAnEmptyPrefixUsesThePythonName()
    {
        var recorder = new LoggingRecorder();
        using (PythonLogging.Attach(Env, recorder))
        {
            using var text = PyObject.From("from root");
            CallLogging("log_to_root", text).Dispose();
        }

        using (PythonLogging.Attach(Env, recorder, new PythonLoggingOptions { CategoryPrefix = "" }))
        {
            CallLogging("log_exception").Dispose();
        }

        Assert.AreEqual("Python", recorder.Entries[0].Category);
        Assert.AreEqual("fixtures.logging", recorder.Entries[1].Category);
    }

    [TestMethod]
    public void PrintIsCapturedLineByLineAndStdoutIsRestored()
    {
        using var originalType = CallLogging("stdout_type");
        var recorder = new LoggingRecorder();
        using (PythonLogging.Attach(Env, recorder, new PythonLoggingOptions { CapturePrint = true }))
        {
            using var text = PyObject.From("hello from print");
            CallLogging("say", text).Dispose();
        }

        var entries = recorder.Entries.Select(e => (e.Category, e.Level, e.Message)).ToList();
        CollectionAssert.AreEquivalent(
            new[]
            {
                ("Python.stdout", LogLevel.Information, "hello from print"),
                ("Python.stderr", LogLevel.Warning, "to stderr"),
                ("Python.stdout", LogLevel.Information, "no newline yet"),
            },
            entries);
        using var restoredType = CallLogging("stdout_type");
        Assert.AreEqual(originalType.As<string>(), restoredType.As<string>());
    }

    [TestMethod]
    public void WithPythonLoggingAttachesWhenTheEnvironmentIsResolvedAndDetachesWithTheContainer()
    {
        var recorder = new LoggingRecorder();
        var services = new ServiceCollection().AddSingleton<ILoggerFactory>(recorder).AddPython(Env).WithPythonLogging(o => o.CategoryPrefix = "Py");
        using (var provider = services.BuildServiceProvider())
        {
            var env = provider.GetRequiredService<IPythonEnvironment>();
            Assert.AreEqual(Env.Version, env.Version);
            Assert.AreEqual(5L, provider.GetRequiredService<IFixturesModule>().Add(2, 3));
            using var text = PyObject.From("through DI");
            CallLogging("log_to_root", text).Dispose();
        }

        Assert.AreEqual(("Py", "through DI"), recorder.Entries.Select(e => (e.Category, e.Message)).Single());
        Assert.IsFalse(Env.IsDisposed, "an environment registered as an instance belongs to the caller");
    }

    [TestMethod]
    public void WithPythonLoggingBeforeAddPythonIsAClearError()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => new ServiceCollection().WithPythonLogging());
        StringAssert.Contains(e.Message, "AddPython()");
    }

    [TestMethod]
    public void FlushOrDisposeWhileHoldingTheGilIsRefusedInsteadOfDeadlocking()
    {
        using var bridge = PythonLogging.Attach(Env, new LoggingRecorder());
        using (GIL.Acquire())
        {
            Assert.ThrowsExactly<InvalidOperationException>(() => bridge.Flush(FlushTimeout));
            Assert.ThrowsExactly<InvalidOperationException>(() => bridge.Dispose());
        }
    }

    [TestMethod]
    public void FlushAfterDisposeThrows()
    {
        var bridge = PythonLogging.Attach(Env, new LoggingRecorder());
        bridge.Dispose();
        bridge.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => bridge.Flush(FlushTimeout));
    }
}
