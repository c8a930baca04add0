using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Manifest;

/// <summary>CheckPythonEnvironments over manifests and venv folders laid out under a temp root.</summary>
[TestClass]
public sealed class CheckPythonEnvironmentsTests
{
    private static string Manifest(TempDirectory root, string project, string libPython, string version, params string[] distributions)
    {
        var venv = root.CreateDirectory($"{project}/obj/python/venv/venv-a");
        root.CreateDirectory($"{project}/obj/python/venv/venv-a/lib/python3.12/site-packages/some_package");
        foreach (var distribution in distributions)
        {
            root.CreateDirectory($"{project}/obj/python/venv/venv-a/lib/python3.12/site-packages/{distribution}.dist-info");
        }
        return root.WriteFile($"bin/{project}.csnakes.json", $$"""
            { "formatVersion": 1, "project": "{{project}}",
              "python": { "version": "{{version}}", "abiFlags": "", "libPython": "{{libPython}}", "home": "/x", "executable": "/x/bin/python3" },
              "venv": "{{venv}}", "moduleRoots": [ "." ] }
            """);
    }

    private static (CheckPythonEnvironments Task, FakeBuildEngine Engine) Task(params string[] manifests)
    {
        var engine = new FakeBuildEngine();
        return (new CheckPythonEnvironments
        {
            BuildEngine = engine,
            ProjectFile = "/src/App/App.csproj",
            ManifestFiles = manifests.Select(m => (ITaskItem)new TaskItem(m)).ToArray(),
        }, engine);
    }

    [TestMethod]
    public void OneDistributionAtTwoVersionsIsCSPY1008NamingBothLibraries()
    {
        using var root = new TempDirectory();
        var a = Manifest(root, "Forecast", "/py/lib/libpython3.12.so.1.0", "3.12.1", "Tiny_Wheel-1.0", "shared-3.0");
        var b = Manifest(root, "Reports", "/py/lib/libpython3.12.so.1.0", "3.12.1", "tiny.wheel-2.0", "shared-3.0");
        var (task, engine) = Task(a, b);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1008", error.Code);
        Assert.AreEqual("/src/App/App.csproj", error.File);
        StringAssert.Contains(error.Message, "installed at different versions by the Python libraries of this app: 1.0 (Forecast), 2.0 (Reports)");
    }

    [TestMethod]
    public void TheSameVersionsEverywherePass()
    {
        using var root = new TempDirectory();
        var a = Manifest(root, "Forecast", "/py/lib/libpython3.12.so.1.0", "3.12.1", "tinywheel-1.0");
        var b = Manifest(root, "Reports", "/py/lib/libpython3.12.so.1.0", "3.12.1", "tinywheel-1.0", "other-2.0");
        var (task, engine) = Task(a, b);

        Assert.IsTrue(task.Execute(), engine.ErrorText);
    }

    [TestMethod]
    public void DifferentInterpretersAreCSPY0006()
    {
        using var root = new TempDirectory();
        var a = Manifest(root, "Forecast", "/py312/lib/libpython3.12.so.1.0", "3.12.1");
        var b = Manifest(root, "Reports", "/py313/lib/libpython3.13.so.1.0", "3.13.0");
        var (task, engine) = Task(a, b);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY0006", error.Code);
        StringAssert.Contains(error.Message, "Forecast uses Python 3.12.1");
        StringAssert.Contains(error.Message, "Reports uses Python 3.13.0");
    }

    [TestMethod]
    public void RelativePathsOfPublishedManifestsAreTheSameInterpreter()
    {
        using var root = new TempDirectory();
        var a = root.WriteFile("out/A.csnakes.json", """{ "project": "A", "python": { "version": "3.12.1", "libPython": "python/lib/libpython3.12.so.1.0" }, "venv": null }""");
        var b = root.WriteFile("out/B.csnakes.json", """{ "project": "B", "python": { "version": "3.12.1", "libPython": "python/lib/../lib/libpython3.12.so.1.0" }, "venv": null }""");
        var (task, engine) = Task(a, b);

        Assert.IsTrue(task.Execute(), engine.ErrorText);
    }

    [TestMethod]
    public void AnUnreadableManifestIsLeftToTheRuntime()
    {
        using var root = new TempDirectory();
        var a = Manifest(root, "Forecast", "/py/lib/libpython3.12.so.1.0", "3.12.1", "tinywheel-1.0");
        var broken = root.WriteFile("bin/Broken.csnakes.json", "{ not json");
        var (task, engine) = Task(a, broken);

        Assert.IsTrue(task.Execute(), engine.ErrorText);
    }
}
