using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Discovery on this machine, asking real interpreters.</summary>
[TestClass]
public sealed class RealDiscoveryTests
{
    private static IReadOnlyList<PythonCandidate> Discover()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("Discovery of real interpreters is tested on Linux.");
        }
        return new PosixDiscoveryProvider(HostFacts.Current, PythonProbe.Instance).FindCandidates(CancellationToken.None);
    }

    [TestMethod]
    public void FindsPyenvAndDebianPythonsWithTheirLibPython()
    {
        var pyenv312 = TestPythons.RequirePyenv("3.12.1");
        if (!File.Exists("/usr/bin/python3.11"))
        {
            Assert.Inconclusive("Debian's /usr/bin/python3.11 is not installed here.");
        }

        var candidates = Discover();
        var described = string.Join(Environment.NewLine, candidates.Select(c => c.Describe()));

        var pyenv = candidates.SingleOrDefault(c => c.Installation?.Version == "3.12.1");
        Assert.IsNotNull(pyenv, described);
        Assert.IsNull(pyenv.Rejection, described);
        var prefix = Path.Combine(TestPythons.PyenvRoot!, "versions", "3.12.1");
        Assert.AreEqual(RealPath.Resolve(pyenv312), pyenv.Installation!.Executable);
        Assert.AreEqual(Path.Combine(prefix, "lib", "libpython3.12.so.1.0"), pyenv.Installation.LibPython);
        Assert.AreEqual(prefix, pyenv.Installation.Home);
        Assert.AreEqual(Path.Combine(prefix, "lib", "python3.12"), pyenv.Installation.StdLib);

        var debian = candidates.SingleOrDefault(c => c.Installation?.Executable == "/usr/bin/python3.11");
        Assert.IsNotNull(debian, described);
        Assert.AreEqual("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", debian.Installation!.LibPython);
        Assert.AreEqual("/usr", debian.Installation.Home);
        Assert.AreEqual("/usr/lib/python3.11", debian.Installation.StdLib);
        StringAssert.StartsWith(debian.Installation.Version, "3.11.");
    }

    [TestMethod]
    public void ResolvesAnExactPyenvVersionThroughTheTask()
    {
        var pyenv312 = TestPythons.RequirePyenv("3.12.1");
        var engine = new FakeBuildEngine();
        var task = new ResolvePython { BuildEngine = engine, PythonVersion = "3.12.1" };

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(RealPath.Resolve(pyenv312), task.ResolvedExecutable);
        Assert.AreEqual("3.12.1", task.ResolvedVersion);
        Assert.AreEqual("", task.ResolvedAbiFlags);
        Assert.IsTrue(File.Exists(task.ResolvedLibPython), task.ResolvedLibPython);
    }

    [TestMethod]
    public void AVenvPythonStandsForItsBaseInstallation()
    {
        var pyenv311 = TestPythons.RequirePyenv("3.11.7");
        using var temp = new TempDirectory();
        var venv = temp.Combine("venv");
        Assert.IsTrue(ProcessRunner.Run(pyenv311, ["-m", "venv", "--without-pip", venv]).Succeeded);

        var candidate = new PythonCandidateProber(PythonProbe.Instance).Ask(Path.Combine(venv, "bin", "python"), "test", CancellationToken.None);

        Assert.IsNull(candidate.Rejection, candidate.Describe());
        Assert.AreEqual(RealPath.Resolve(pyenv311), candidate.Installation!.Executable);
        Assert.AreEqual(Path.Combine(TestPythons.PyenvRoot!, "versions", "3.11.7"), candidate.Installation.Home);
    }
}
