using System.Globalization;
using CSnakes.Runtime.Tests.TestSupport;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// Scenarios that used to kill or hang the host process, each run in a child host process
/// (<see cref="ChildHost"/>): multiprocessing with every start method, a shutdown blocked by a
/// Python thread, a segfault under faulthandler.
/// </summary>
[TestClass]
public sealed class ChildProcessTests
{
    // Bounds a failure only: a healthy child finishes in seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [TestMethod]
    [DataRow("fork")]
    [DataRow("spawn")]
    [DataRow("forkserver")]
    public void MultiprocessingPoolWorksAndTerminateLeavesTheHostAlive(string method)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("fork and forkserver do not exist on Windows; the child host uses Unix signals.");
        }

        var outcome = ChildHost.Run("pool", Patience, method);

        // A SIGTERM forwarded from a worker used to end the host with 143 (or hang the pool's join).
        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]", outcome.Value("result"), outcome.ToString());
        Assert.AreEqual("True", outcome.Value("python_pid_is_host"), outcome.ToString());
        Assert.AreEqual("True", outcome.Value("marker_seen"), outcome.ToString());
        Assert.AreEqual("0", outcome.Value("sigterms"), "a SIGTERM sent to a worker reached the host\n" + outcome);
        // Like a child of plain Python: killed by the signal, even when terminated right after start().
        Assert.AreEqual("-15", outcome.Value("terminated_exit_code"), outcome.ToString());
    }

    [TestMethod]
    public void DisposeGivesUpOnANonDaemonThreadThatNeverEndsAndNamesIt()
    {
        var outcome = ChildHost.Run("endless-thread", Patience, "2");

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("TimeoutException", outcome.Value("dispose"), outcome.ToString());
        StringAssert.Contains(outcome.Value("message"), "'csnakes-test-never-ends'", outcome.ToString());
        StringAssert.Contains(outcome.Value("message"), "not finalized", outcome.ToString());
        double elapsed = double.Parse(outcome.Value("elapsed_seconds")!, CultureInfo.InvariantCulture);
        Assert.IsTrue(elapsed >= 1.9, $"Dispose gave up after {elapsed} s, before the 2 s timeout");
        Assert.IsTrue(elapsed < 60, $"Dispose took {elapsed} s with a 2 s timeout");
        Assert.AreEqual("True", outcome.Value("disposed"), outcome.ToString());
    }

    [TestMethod]
    public void DisposeWaitsForANonDaemonThreadThatEndsInTimeAndFinalizes()
    {
        var outcome = ChildHost.Run("short-thread", Patience, "60");

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("returned", outcome.Value("dispose"), outcome.ToString());
        // The thread's own record, written just before it ended, proves Dispose waited for it.
        Assert.AreEqual("True", outcome.Value("thread_finished"), outcome.ToString());
    }

    [TestMethod]
    public void ASegfaultUnderFaultHandlerPrintsThePythonTraceback()
    {
        var outcome = ChildHost.Run("segfault", Patience);

        Assert.AreNotEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("read_address_zero", outcome.Value("calling"), outcome.ToString());
        Assert.IsNull(outcome.Value("survived"), outcome.ToString());
        // faulthandler's stable markers, and the Python function that crashed.
        Assert.IsTrue(outcome.Error.Contains("Fatal Python error", StringComparison.Ordinal) || outcome.Error.Contains("Current thread", StringComparison.Ordinal), outcome.ToString());
        StringAssert.Contains(outcome.Error, "read_address_zero", outcome.ToString());
    }

    [TestMethod]
    public void ByDefaultDotNetNullReferencesStayExceptionsInAProcessRunningPython()
    {
        // faulthandler is off by default because, on, it takes the SIGSEGV .NET turns into NullReferenceException.
        var outcome = ChildHost.Run("null-reference", Patience);

        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("3", outcome.Value("caught"), outcome.ToString());
    }
}
