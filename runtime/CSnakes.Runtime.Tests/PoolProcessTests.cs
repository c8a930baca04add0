using CSnakes.Runtime.Tests.TestSupport;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// Interpreter-pool scenarios that could end or hang a process, each in a child process whose outcome is asserted:
/// an extension module refused by a sub-interpreter and then imported by the main interpreter (that order aborted 3.12),
/// a Python thread that never ends, and memory over many pools.
/// </summary>
[TestClass]
public sealed class PoolProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static void RequirePools()
    {
        if (Env.Version <= new Version(3, 13, 0))
        {
            Assert.Inconclusive($"interpreter pools need Python 3.13+; this is {Env.VersionString}");
        }
    }

    [TestMethod]
    public void AnExtensionWithoutSubInterpreterSupportIsAnImportErrorAndNothingBreaks()
    {
        RequirePools();
        // CPython's own single-phase test module where it is installed, else numpy (single-phase too).
        string? module = new[] { "_testsinglephase", "numpy" }.FirstOrDefault(Findable);
        if (module is null)
        {
            Assert.Inconclusive("neither _testsinglephase nor numpy can be found for this Python");
        }

        var outcome = ChildHost.Run("pool-refused-extension", Patience, module);
        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual("True", outcome.Value("is_import_error"), outcome.ToString());
        Assert.AreEqual("True", outcome.Value("names_module"), outcome.ToString());
        Assert.AreEqual("True", outcome.Value("pool_still_works"), outcome.ToString());
        Assert.AreEqual(module, outcome.Value("main_import"), outcome.ToString());
        Assert.AreEqual("True", outcome.Value("second_pool_works"), outcome.ToString());
    }

    [TestMethod]
    public void APythonThreadThatNeverEndsDoesNotHangDisposal()
    {
        RequirePools();
        var outcome = ChildHost.Run("pool-endless-thread", Patience, "1");
        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        Assert.AreEqual(nameof(TimeoutException), outcome.Value("pool_dispose"), outcome.ToString());
        StringAssert.Contains(outcome.Value("pool_dispose_message"), "csnakes-pool-never-ends");
        Assert.AreEqual(nameof(TimeoutException), outcome.Value("environment_dispose"), outcome.ToString());
        Assert.IsTrue(double.Parse(outcome.Value("elapsed_seconds")!, System.Globalization.CultureInfo.InvariantCulture) < 60, outcome.ToString());
    }

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void MakingAndDisposingPoolsKeepsMemoryFlat()
    {
        RequirePools();
        const int cycles = 100;
        string count = cycles.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var outcome = ChildHost.Run("pool-churn", Patience, count);
        Assert.AreEqual(0, outcome.ExitCode, outcome.ToString());
        long ours = Growth(outcome.Value);

        // CPython keeps memory of every sub-interpreter it destroys (a few MiB each on 3.13.0): the same churn
        // through its own _interpreters module, in this run, is the yardstick. A pool keeping anything of its own per
        // interpreter (a thread state, a cache, the interpreter itself) shows up on top of it.
        string script = Path.Combine(AppContext.BaseDirectory, "python", "pool_churn_baseline.py");
        var baseline = new ChildHost.Outcome(0, PythonUnderTest.RunText(PythonUnderTestInfo.Executable, ["-I", script, count]), "");
        long cpython = Growth(baseline.Value);
        Assert.IsTrue(ours <= cpython + (cpython >> 2) + (32L << 20),
            $"resident memory grew by {ours >> 20} MiB over {cycles} pools of 2; CPython's own sub-interpreters grew by {cpython >> 20} MiB\n{outcome}");

        static long Growth(Func<string, string?> value) =>
            long.Parse(value("resident_after")!, System.Globalization.CultureInfo.InvariantCulture)
            - long.Parse(value("resident_before")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool Findable(string module)
    {
        using var found = Env.ExecuteExpression($"__import__('importlib.util').util.find_spec('{module}') is not None");
        return found.As<bool>();
    }
}
