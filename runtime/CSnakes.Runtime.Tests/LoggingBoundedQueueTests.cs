using CSnakes.Runtime.Logging;
using Microsoft.Extensions.Logging;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>PythonLoggingOptions.MaxQueuedRecords: beyond the bound the oldest waiting records are dropped and counted.</summary>
[TestClass]
public sealed class LoggingBoundedQueueTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [TestMethod]
    public void BeyondTheBoundTheOldestRecordsAreDroppedAndCounted()
    {
        var recorder = new LoggingRecorder();
        using var gate = new GatedLoggerFactory(recorder, blockOn: "gate");
        using (var bridge = PythonLogging.Attach(Env, gate, new PythonLoggingOptions { MaxQueuedRecords = 10 }))
        {
            // The bridge's thread takes "gate" alone and blocks in the logger, so the next 100 records all wait in Python.
            using (var message = PyObject.From("gate"))
            {
                CallLogging("log_to_root", message).Dispose();
            }
            Assert.IsTrue(gate.Entered.Wait(Wait), "the bridge never delivered the first record");
            using (var count = PyObject.From(100L))
            {
                CallLogging("log_many", count).Dispose();
            }
            gate.Release.Set();
            Assert.IsTrue(bridge.Flush(Wait));

            Assert.AreEqual(90, bridge.DroppedRecords);
        }

        var messages = recorder.Entries.Select(e => e.Message).ToList();
        CollectionAssert.AreEqual(Enumerable.Range(90, 10).Select(i => $"record {i}").ToList(), messages.Where(m => m.StartsWith("record ", StringComparison.Ordinal)).ToList(), "the newest ten are kept");
        var warning = recorder.Entries.Single(e => e.Message.Contains("dropped", StringComparison.Ordinal));
        Assert.AreEqual(LogLevel.Warning, warning.Level);
        Assert.AreEqual("Python", warning.Category);
        StringAssert.Contains(warning.Message, "90 Python log record(s) were dropped: more than 10");
    }

    [TestMethod]
    public void WithoutABoundNothingIsDropped()
    {
        var recorder = new LoggingRecorder();
        using var gate = new GatedLoggerFactory(recorder, blockOn: "gate");
        using (var bridge = PythonLogging.Attach(Env, gate))
        {
            using (var message = PyObject.From("gate"))
            {
                CallLogging("log_to_root", message).Dispose();
            }
            Assert.IsTrue(gate.Entered.Wait(Wait));
            using (var count = PyObject.From(100L))
            {
                CallLogging("log_many", count).Dispose();
            }
            gate.Release.Set();
            Assert.IsTrue(bridge.Flush(Wait));
            Assert.AreEqual(0, bridge.DroppedRecords);
        }

        Assert.AreEqual(100, recorder.Entries.Count(e => e.Message.StartsWith("record ", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ABoundBelowOneIsRefused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PythonLogging.Attach(Env, new LoggingRecorder(), new PythonLoggingOptions { MaxQueuedRecords = 0 }));
    }

    private static PyObject CallLogging(string name, params PyObject[] args)
    {
        using var module = Env.Import("logging_fixtures");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    /// <summary>Passes records to <paramref name="inner"/>, but blocks the first one whose message is <paramref name="blockOn"/> until released.</summary>
    private sealed class GatedLoggerFactory(ILoggerFactory inner, string blockOn) : ILoggerFactory
    {
        public ManualResetEventSlim Entered { get; } = new();

        public string BlockOn { get; } = blockOn;

        public ManualResetEventSlim Release { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Gated(this, inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
            Release.Set();
            Entered.Dispose();
            Release.Dispose();
        }

        private sealed class Gated(GatedLoggerFactory owner, ILogger logger) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.BeginScope(state);

            public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                logger.Log(logLevel, eventId, state, exception, formatter);
                if (formatter(state, exception) == owner.BlockOn && !owner.Entered.IsSet)
                {
                    owner.Entered.Set();
                    owner.Release.Wait();
                }
            }
        }
    }
}
