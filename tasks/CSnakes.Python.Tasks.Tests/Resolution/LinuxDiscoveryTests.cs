using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Selection over fake Linux prefixes whose "python3" is a script printing canned python_info.py JSON.</summary>
[TestClass]
public sealed class LinuxDiscoveryTests
{
    private sealed class FakeMachine : IDisposable
    {
        public TempDirectory Temp { get; } = new();
        public Dictionary<string, string> Environment { get; } = new();

        public FakeMachine()
        {
            Environment["PYENV_ROOT"] = Temp.Combine("pyenv");
            Directory.CreateDirectory(Temp.Combine("pyenv", "versions"));
        }

        public string Pyenv(string version, bool shared = true, string implementation = "cpython", string abiFlags = "", string? folder = null) =>
            FakePython.Create(Temp.Combine("pyenv", "versions", folder ?? version), version, shared, implementation, abiFlags);

        public (ResolvePython Task, FakeBuildEngine Engine) NewTask(string? version = null)
        {
            var engine = new FakeBuildEngine();
            return (new ResolvePython
            {
                BuildEngine = engine,
                PythonVersion = version,
                ProjectFile = Temp.Combine("Lib.csproj"),
                Host = FakeHosts.Create(HostOs.Linux, Temp.Path, Environment),
            }, engine);
        }

        public void Dispose() => Temp.Dispose();
    }

    [TestMethod]
    public void NewestSharedCPythonIsChosenByDefault()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.10.2");
        var expected = machine.Pyenv("3.12.0");
        machine.Pyenv("3.13.1", shared: false);
        machine.Pyenv("3.13.2", implementation: "pypy", folder: "pypy3.13");
        var (task, engine) = machine.NewTask();

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual("3.12.0", task.ResolvedVersion);
        Assert.AreEqual(expected, task.ResolvedExecutable);
        Assert.AreEqual(machine.Temp.Combine("pyenv", "versions", "3.12.0", "lib", "libpython3.12.so.1.0"), task.ResolvedLibPython);
        Assert.AreEqual(machine.Temp.Combine("pyenv", "versions", "3.12.0"), task.ResolvedHome);
    }

    [TestMethod]
    public void PackedLibraryRangeNarrowsTheChoice()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.10.2");
        machine.Pyenv("3.12.0");
        var (task, engine) = machine.NewTask();
        task.PackagePythonVersions = [new Microsoft.Build.Utilities.TaskItem("Packed.Lib", new Dictionary<string, string> { ["PythonVersion"] = "[3.10,3.11)" })];

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual("3.10.2", task.ResolvedVersion);
    }

    [TestMethod]
    public void PackedLibraryRangeOutsideTheAppsVersionIsCSPY0005()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.12.0");
        var (task, engine) = machine.NewTask("3.12");
        task.PackagePythonVersions = [new Microsoft.Build.Utilities.TaskItem("Packed.Lib", new Dictionary<string, string> { ["PythonVersion"] = "3.10" })];

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0005", error.Code);
        Assert.AreEqual(machine.Temp.Combine("Lib.csproj"), error.File);
        StringAssert.Contains(error.Message, "Packed.Lib needs 3.10.x");
    }

    [TestMethod]
    public void NoMatchListsEveryCandidateWithItsReason()
    {
        using var machine = new FakeMachine();
        var old = machine.Pyenv("3.12.0");
        var @static = machine.Pyenv("3.14.1", shared: false);
        var pypy = machine.Pyenv("3.14.2", implementation: "pypy", folder: "pypy3.14");
        var freeThreaded = machine.Pyenv("3.14.0", abiFlags: "t", folder: "3.14.0t");
        var broken = FakePython.CreateBroken(machine.Temp.Combine("pyenv", "versions", "broken"));
        var tooOld = machine.Pyenv("3.8.10");
        var (task, engine) = machine.NewTask("3.14");

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0001", error.Code);
        Assert.AreEqual(machine.Temp.Combine("Lib.csproj"), error.File);
        var lines = error.Message!.Split(System.Environment.NewLine);
        StringAssert.Contains(lines.Single(l => l.Contains(old)), "version 3.12.0 does not match PythonVersion '3.14' (3.14.x)");
        StringAssert.Contains(lines.Single(l => l.Contains(@static)), "built without --enable-shared");
        StringAssert.Contains(lines.Single(l => l.Contains(pypy)), "pypy is not supported");
        StringAssert.Contains(lines.Single(l => l.Contains(freeThreaded)), "free-threaded build");
        StringAssert.Contains(lines.Single(l => l.Contains(broken)), "could not be asked for its version: it exited with code 127: error while loading shared libraries");
        StringAssert.Contains(lines.Single(l => l.Contains(tooOld)), "too old");
        StringAssert.Contains(error.Message, "To fix: install CPython 3.14");
        StringAssert.Contains(error.Message, "PythonExecutable");
    }

    [TestMethod]
    public void InterpretersOnPathAreFoundAndDedupedByRealPath()
    {
        using var machine = new FakeMachine();
        var real = FakePython.Create(machine.Temp.Combine("opt", "py"), "3.11.4");
        var bin = machine.Temp.CreateDirectory("bin");
        File.CreateSymbolicLink(Path.Combine(bin, "python3"), real);
        File.CreateSymbolicLink(Path.Combine(bin, "python3.11"), real);
        machine.Environment["PATH"] = bin + ":" + Path.GetDirectoryName(real);
        var probe = new CountingProbe(PythonProbe.Instance);
        var (task, engine) = machine.NewTask();
        task.Probe = probe;

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(real, task.ResolvedExecutable);
        Assert.AreEqual(1, probe.Calls, "three paths to one file are asked once");
    }

    [TestMethod]
    public void PinnedExecutableThatDoesNotExistIsCSPY0002()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.12.0");
        var (task, engine) = machine.NewTask();
        task.PythonExecutable = machine.Temp.Combine("nope", "python3");

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0002", error.Code);
        StringAssert.Contains(error.Message, "does not exist");
        StringAssert.Contains(error.Message, task.PythonExecutable);
    }

    [TestMethod]
    public void PinnedExecutableWithoutSharedLibraryIsCSPY0002WithTheReason()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.12.0");
        var pinned = machine.Pyenv("3.11.1", shared: false);
        var (task, engine) = machine.NewTask();
        task.PythonExecutable = pinned;

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0002", error.Code);
        StringAssert.Contains(error.Message, "no shared library");
    }

    [TestMethod]
    public void PinnedExecutableMustMatchPythonVersion()
    {
        using var machine = new FakeMachine();
        var pinned = machine.Pyenv("3.11.1");
        var (task, engine) = machine.NewTask("3.12");
        task.PythonExecutable = pinned;

        Assert.IsFalse(task.Execute());
        StringAssert.Contains(engine.Errors.Single().Message, "does not match PythonVersion '3.12'");
    }

    [TestMethod]
    public void PinnedHomeIsUsedEvenWhenANewerOneExists()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.12.0");
        var pinned = machine.Pyenv("3.10.2");
        var (task, engine) = machine.NewTask();
        task.PythonHome = machine.Temp.Combine("pyenv", "versions", "3.10.2");

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(pinned, task.ResolvedExecutable);
    }

    [TestMethod]
    public void CsnakesPythonVariableWinsWhenItFits()
    {
        using var machine = new FakeMachine();
        machine.Pyenv("3.12.0");
        var chosen = FakePython.Create(machine.Temp.Combine("elsewhere"), "3.10.2");
        machine.Environment["CSNAKES_PYTHON"] = chosen;
        var (task, engine) = machine.NewTask();

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(chosen, task.ResolvedExecutable);
    }

    [TestMethod]
    public void UnusableCsnakesPythonVariableWarnsAndSearchGoesOn()
    {
        using var machine = new FakeMachine();
        var newest = machine.Pyenv("3.12.0");
        machine.Environment["CSNAKES_PYTHON"] = FakePython.Create(machine.Temp.Combine("elsewhere"), "3.10.2", shared: false);
        var (task, engine) = machine.NewTask();

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(newest, task.ResolvedExecutable);
        var warning = engine.Warnings.Single();
        Assert.AreEqual("CSPY0004", warning.Code);
        StringAssert.Contains(warning.Message, "CSNAKES_PYTHON");
    }

    [TestMethod]
    public void InvalidPythonVersionIsCSPY0003()
    {
        using var machine = new FakeMachine();
        var (task, engine) = machine.NewTask(">=3.10");

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0003", error.Code);
        StringAssert.Contains(error.Message, "'>=3.10'");
    }
}
