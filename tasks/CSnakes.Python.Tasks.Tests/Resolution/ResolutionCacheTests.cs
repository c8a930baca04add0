using CSnakes.Python.Tasks;
using NuGet.Versioning;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class ResolutionCacheTests
{
    private static ResolvePython NewTask(TempDirectory temp, string version, CountingProbe probe, FakeBuildEngine engine) => new()
    {
        BuildEngine = engine,
        PythonVersion = version,
        CacheFile = temp.Combine("obj", "python.json"),
        Host = FakeHosts.Create(HostOs.Linux, temp.Path, new Dictionary<string, string> { ["PYENV_ROOT"] = temp.Combine("pyenv") }),
        Probe = probe,
    };

    private static PythonInstallation Bogus(string executable) =>
        new(executable, "3.12.7", NuGetVersion.Parse("3.12.7"), "cpython", "", "/nowhere", "/nowhere/lib/python3.12", executable);

    [TestMethod]
    public void HitReturnsTheRecordedInterpreterWithoutRunningAnything()
    {
        if (!File.Exists("/bin/true"))
        {
            Assert.Inconclusive("/bin/true is needed as an existing, bogus interpreter.");
        }
        using var temp = new TempDirectory();
        var probe = new CountingProbe();
        var engine = new FakeBuildEngine();
        var task = NewTask(temp, "3.12", probe, engine);
        Assert.IsNull(ResolutionCache.Write(task.CacheFile!, task.CacheKey(), Bogus("/bin/true"), "planted"));

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual("/bin/true", task.ResolvedExecutable);
        Assert.AreEqual("3.12.7", task.ResolvedVersion);
        Assert.AreEqual("/nowhere", task.ResolvedHome);
        Assert.AreEqual(0, probe.Calls);
    }

    [TestMethod]
    public void ChangedInputMisses()
    {
        using var temp = new TempDirectory();
        var fake = FakePython.Create(temp.Combine("pyenv", "versions", "3.11.4"), "3.11.4");
        var probe = new CountingProbe(PythonProbe.Instance);
        var engine = new FakeBuildEngine();
        var planting = NewTask(temp, "3.12", probe, engine);
        ResolutionCache.Write(planting.CacheFile!, planting.CacheKey(), Bogus("/bin/true"), "planted");

        var task = NewTask(temp, "3.11", probe, engine);
        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(fake, task.ResolvedExecutable);
        Assert.AreEqual(1, probe.Calls);
    }

    [TestMethod]
    public void ChangedInterpreterFileMisses()
    {
        using var temp = new TempDirectory();
        var planted = temp.WriteFile("bin/python3");
        var probe = new CountingProbe();
        var engine = new FakeBuildEngine();
        var task = NewTask(temp, "3.12", probe, engine);
        ResolutionCache.Write(task.CacheFile!, task.CacheKey(), Bogus(planted), "planted");
        File.SetLastWriteTimeUtc(planted, File.GetLastWriteTimeUtc(planted).AddMinutes(-5));

        Assert.IsFalse(task.Execute(), "with the cache stale and nothing to discover, resolution fails");

        Assert.AreEqual("CSPY0001", engine.Errors.Single().Code);
    }

    [TestMethod]
    public void SecondBuildReusesTheFirstAnswer()
    {
        using var temp = new TempDirectory();
        var fake = FakePython.Create(temp.Combine("pyenv", "versions", "3.12.3"), "3.12.3");
        var first = new CountingProbe(PythonProbe.Instance);
        var engine = new FakeBuildEngine();
        Assert.IsTrue(NewTask(temp, "3.12", first, engine).Execute(), engine.ErrorText);
        Assert.AreEqual(1, first.Calls);

        var second = new CountingProbe();
        var task = NewTask(temp, "3.12", second, engine);
        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(fake, task.ResolvedExecutable);
        Assert.AreEqual("3.12.3", task.ResolvedVersion);
        Assert.AreEqual(0, second.Calls);
    }
}
