using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class MacFrameworkProviderTests
{
    private static string AddFramework(TempDirectory temp, string version, bool freeThreaded = false, bool withDylibInLib = false)
    {
        var parts = version.Split('.');
        var xy = $"{parts[0]}.{parts[1]}";
        var t = freeThreaded ? "t" : "";
        var framework = freeThreaded ? "PythonT.framework" : "Python.framework";
        var home = $"Library/Frameworks/{framework}/Versions/{xy}";
        temp.WriteFile($"{home}/bin/python{xy}{t}");
        temp.WriteFile($"{home}/bin/python3{t}");
        if (withDylibInLib)
        {
            temp.WriteFile($"{home}/lib/libpython{xy}{t}.dylib");
        }
        else
        {
            temp.WriteFile($"{home}/{(freeThreaded ? "PythonT" : "Python")}");
        }
        temp.CreateDirectory($"{home}/lib/python{xy}{t}");
        temp.WriteFile($"{home}/include/python{xy}{t}/patchlevel.h", $"/* Version as a string */\n#define PY_VERSION              \"{version}\"\n");
        return temp.Combine(home.Split('/'));
    }

    private static (ResolvePython Task, FakeBuildEngine Engine) NewTask(TempDirectory temp, string? version)
    {
        var engine = new FakeBuildEngine();
        return (new ResolvePython
        {
            BuildEngine = engine,
            PythonVersion = version,
            Host = FakeHosts.Create(HostOs.MacOS, temp.Path),
            Probe = new CountingProbe(),
        }, engine);
    }

    [TestMethod]
    public void ChoosesNewestRegularFrameworkByDefault()
    {
        using var temp = new TempDirectory();
        AddFramework(temp, "3.11.9");
        var home = AddFramework(temp, "3.12.4");
        AddFramework(temp, "3.13.1", freeThreaded: true);
        Directory.CreateSymbolicLink(temp.Combine("Library", "Frameworks", "Python.framework", "Versions", "Current"), home);
        var (task, engine) = NewTask(temp, null);

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual("3.12.4", task.ResolvedVersion);
        Assert.AreEqual(Path.Combine(home, "bin", "python3.12"), task.ResolvedExecutable);
        Assert.AreEqual(Path.Combine(home, "Python"), task.ResolvedLibPython);
        Assert.AreEqual(Path.Combine(home, "lib", "python3.12"), task.ResolvedStdLib);
        Assert.AreEqual(home, task.ResolvedHome);
        Assert.AreEqual("", task.ResolvedAbiFlags);
    }

    [TestMethod]
    public void FreeThreadedComesFromPythonTFramework()
    {
        using var temp = new TempDirectory();
        AddFramework(temp, "3.13.1");
        var home = AddFramework(temp, "3.13.1", freeThreaded: true);
        var (task, engine) = NewTask(temp, "3.13t");

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual("t", task.ResolvedAbiFlags);
        Assert.AreEqual(Path.Combine(home, "bin", "python3.13t"), task.ResolvedExecutable);
        Assert.AreEqual(Path.Combine(home, "PythonT"), task.ResolvedLibPython);
        Assert.AreEqual(Path.Combine(home, "lib", "python3.13t"), task.ResolvedStdLib);
    }

    [TestMethod]
    public void FallsBackToLibDylib()
    {
        using var temp = new TempDirectory();
        var home = AddFramework(temp, "3.11.9", withDylibInLib: true);
        var (task, engine) = NewTask(temp, "3.11.9");

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(Path.Combine(home, "lib", "libpython3.11.dylib"), task.ResolvedLibPython);
    }

    [TestMethod]
    public void NoMatchExplainsEachFramework()
    {
        using var temp = new TempDirectory();
        AddFramework(temp, "3.12.4");
        AddFramework(temp, "3.13.1", freeThreaded: true);
        var (task, engine) = NewTask(temp, "3.13");

        Assert.IsFalse(task.Execute());

        var message = engine.Errors.Single(e => e.Code == "CSPY0001").Message;
        StringAssert.Contains(message, "version 3.12.4 does not match PythonVersion '3.13'");
        StringAssert.Contains(message, "free-threaded build; to use it, add 't' to PythonVersion (e.g. '3.13t')");
        StringAssert.Contains(message, "python.org");
    }
}
