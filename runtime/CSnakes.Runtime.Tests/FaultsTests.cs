using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>Python that fails hard: the host gets a clear .NET exception and keeps working.</summary>
[TestClass]
public sealed class FaultsTests
{
    private static PyObject CallFaults(string name, params PyObject[] args)
    {
        using var module = Env.Import("faults_fixtures");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    private static void AssertStillWorks()
    {
        using var result = CallFaults("ok");
        Assert.AreEqual("still alive", result.As<string>());
    }

    [TestMethod]
    public void RecursionErrorBecomesAnExceptionAndTheNextCallWorks()
    {
        var e = Assert.ThrowsExactly<BuiltinsModule.RecursionError>(() => CallFaults("recurse_forever"));
        Assert.AreEqual("RecursionError", e.PythonTypeName);
        StringAssert.Contains(e.PythonMessage, "recursion");
        StringAssert.Contains(e.PythonStackTrace, "in recurse_forever");
        AssertStillWorks();
        // The recursion limit is intact, so the interpreter's stack guard still works next time.
        using var limit = CallFaults("recursion_limit");
        Assert.AreEqual(1000L, limit.As<long>());
        Assert.Throws<PythonInvocationException>(() => CallFaults("recurse_forever"));
    }

    [TestMethod]
    public void MemoryErrorBecomesAnExceptionAndTheNextCallWorks()
    {
        var e = Assert.ThrowsExactly<BuiltinsModule.MemoryError>(() => CallFaults("allocate_too_much"));
        Assert.AreEqual("MemoryError", e.PythonTypeName);
        AssertStillWorks();
    }

    [TestMethod]
    public void SysExitBecomesAnExceptionAndNeverEndsTheProcess()
    {
        using var code = PyObject.From(3L);
        var e = Assert.ThrowsExactly<BuiltinsModule.SystemExit>(() => CallFaults("exit_process", code));
        Assert.AreEqual("SystemExit", e.PythonTypeName);
        Assert.AreEqual("3", e.PythonMessage);
        AssertStillWorks();
    }

    [TestMethod]
    public void KeyboardInterruptAndGeneratorExitRaisedInPythonAreOrdinaryExceptions()
    {
        var interrupt = Assert.ThrowsExactly<BuiltinsModule.KeyboardInterrupt>(() => CallFaults("raise_keyboard_interrupt"));
        Assert.AreEqual("KeyboardInterrupt", interrupt.PythonTypeName);
        var generatorExit = Assert.ThrowsExactly<BuiltinsModule.GeneratorExit>(() => CallFaults("raise_generator_exit"));
        Assert.AreEqual("GeneratorExit", generatorExit.PythonTypeName);
        AssertStillWorks();
    }

    [TestMethod]
    public void PythonDoesNotInstallItsSignalHandlersSoCtrlCAndSigtermStayWithDotNet()
    {
        using var installed = CallFaults("sigint_handler_is_pythons");
        Assert.IsFalse(installed.As<bool>(), "Python's SIGINT handler (KeyboardInterrupt) is installed");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public void ConcurrentFirstUseFromThirtyTwoThreadsImportsTheModuleOnce()
    {
        const int threads = 32;
        using var barrier = new Barrier(threads);
        var wrappers = new object[threads];
        var answers = new long[threads];
        int factoryCalls = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            barrier.SignalAndWait();
            var wrapper = Env.GetModule("faults_slow_import", module =>
            {
                Interlocked.Increment(ref factoryCalls);
                return new SlowImportWrapper(module.GetAttr("answer"));
            });
            wrappers[t] = wrapper;
            answers[t] = wrapper.Answer();
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        using var counter = Env.Import("faults_import_counter");
        using var count = counter.GetAttr("count");
        Assert.AreEqual(1L, count.As<long>(), "the module body ran more than once");
        Assert.IsTrue(wrappers.All(w => ReferenceEquals(w, wrappers[0])), "callers got different wrappers");
        Assert.IsTrue(answers.All(a => a == 42));
        Assert.IsTrue(factoryCalls >= 1);
    }

    [TestMethod]
    public void AManifestNamingAMissingVenvIsAClearInitializationErrorNamingIt()
    {
        // Start() reads every *.csnakes.json next to the app; the tests run with none there, so this
        // one is the only manifest while the test runs (tests do not run in parallel).
        string manifest = Path.Combine(AppContext.BaseDirectory, "faults-missing-venv.csnakes.json");
        string missingVenv = Path.Combine(Root, "no-such-venv");
        File.WriteAllText(manifest, $$"""
            {"formatVersion": 1, "project": "Faults",
             "python": {"version": "{{PythonUnderTestInfo.Version}}", "abiFlags": "", "libPython": "{{PythonUnderTestInfo.LibPython}}", "home": "{{PythonUnderTestInfo.BasePrefix}}"},
             "venv": "{{missingVenv}}", "moduleRoots": ["."]}
            """);
        try
        {
            var e = Assert.ThrowsExactly<PythonInitializationException>(() => PythonEnvironment.Start());
            StringAssert.Contains(e.Message, missingVenv);
            StringAssert.Contains(e.Message, manifest);
            Assert.IsFalse(Env.IsDisposed, "a failed start must not touch the running environment");
            AssertStillWorks();
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    [TestMethod]
    public void AnUnreadableManifestIsAClearInitializationErrorNamingIt()
    {
        string manifest = Path.Combine(AppContext.BaseDirectory, "faults-broken.csnakes.json");
        File.WriteAllText(manifest, "{ \"formatVersion\": 1, \"python\": ");
        try
        {
            var e = Assert.ThrowsExactly<PythonInitializationException>(() => PythonEnvironment.Start());
            StringAssert.Contains(e.Message, manifest);
            StringAssert.Contains(e.Message, "Rebuild");
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private sealed class SlowImportWrapper(PyObject answer)
    {
        public long Answer()
        {
            using var result = answer.Call();
            return result.As<long>();
        }
    }
}
