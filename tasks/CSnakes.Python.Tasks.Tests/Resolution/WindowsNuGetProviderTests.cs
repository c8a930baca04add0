using System.Runtime.InteropServices;
using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class WindowsNuGetProviderTests
{
    private static string AddPackage(TempDirectory temp, string id, string version, bool complete = true)
    {
        var digits = string.Concat(version.Split('.').Take(2));
        var tools = $"packages/{id}/{version}/tools";
        temp.WriteFile($"{tools}/python.exe");
        temp.CreateDirectory($"{tools}/Lib");
        temp.CreateDirectory($"{tools}/DLLs");
        if (complete)
        {
            temp.WriteFile($"{tools}/python{digits}.dll");
        }
        return temp.Combine("packages", id, version, "tools");
    }

    private static (ResolvePython Task, FakeBuildEngine Engine) NewTask(TempDirectory temp, string? version, Architecture architecture = Architecture.X64)
    {
        var engine = new FakeBuildEngine();
        var task = new ResolvePython
        {
            BuildEngine = engine,
            PythonVersion = version,
            ProjectFile = temp.Combine("App.csproj"),
            Host = FakeHosts.Create(HostOs.Windows, temp.Path, new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp.Combine("packages") }, architecture),
            Probe = new CountingProbe(),
        };
        return (task, engine);
    }

    [TestMethod]
    public void ChoosesNewestCompletePackageByDefault()
    {
        using var temp = new TempDirectory();
        AddPackage(temp, "python", "3.11.9");
        var tools = AddPackage(temp, "python", "3.12.4");
        AddPackage(temp, "python", "3.13.0", complete: false);
        var (task, engine) = NewTask(temp, version: null);

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual("3.12.4", task.ResolvedVersion);
        Assert.AreEqual(Path.Combine(tools, "python.exe"), task.ResolvedExecutable);
        Assert.AreEqual(Path.Combine(tools, "python312.dll"), task.ResolvedLibPython);
        Assert.AreEqual(Path.Combine(tools, "Lib"), task.ResolvedStdLib);
        Assert.AreEqual(tools, task.ResolvedHome);
        Assert.AreEqual("", task.ResolvedAbiFlags);
        Assert.AreEqual(0, ((CountingProbe)task.Probe).Calls, "the NuGet layout is read from disk, not by running python.exe");
    }

    [TestMethod]
    public void ChoosesNewestInRange()
    {
        using var temp = new TempDirectory();
        AddPackage(temp, "python", "3.11.4");
        AddPackage(temp, "python", "3.11.9");
        AddPackage(temp, "python", "3.12.4");
        var (task, engine) = NewTask(temp, "3.11");

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual("3.11.9", task.ResolvedVersion);
    }

    [TestMethod]
    [DataRow(Architecture.Arm64, "pythonarm64")]
    [DataRow(Architecture.X86, "pythonx86")]
    public void PackageIdFollowsArchitecture(Architecture architecture, string packageId)
    {
        using var temp = new TempDirectory();
        AddPackage(temp, "python", "3.12.4");
        var tools = AddPackage(temp, packageId, "3.12.1");
        var (task, engine) = NewTask(temp, "3.12", architecture);

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(Path.Combine(tools, "python.exe"), task.ResolvedExecutable);
    }

    [TestMethod]
    public void NoMatchListsPackagesAndWhy()
    {
        using var temp = new TempDirectory();
        AddPackage(temp, "python", "3.12.4");
        AddPackage(temp, "python", "3.13.0", complete: false);
        var (task, engine) = NewTask(temp, "3.10");

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0001", error.Code);
        Assert.AreEqual(temp.Combine("App.csproj"), error.File);
        StringAssert.Contains(error.Message, "version 3.12.4 does not match PythonVersion '3.10' (3.10.x)");
        StringAssert.Contains(error.Message, "python313.dll");
        StringAssert.Contains(error.Message, "incomplete");
        StringAssert.Contains(error.Message, "'python' package");
    }

    [TestMethod]
    public void NoPackagesAtAllSaysWhereItLooked()
    {
        using var temp = new TempDirectory();
        var (task, engine) = NewTask(temp, "3.12");

        Assert.IsFalse(task.Execute());
        StringAssert.Contains(engine.Errors.Single().Message, temp.Combine("packages", "python"));
    }
}
