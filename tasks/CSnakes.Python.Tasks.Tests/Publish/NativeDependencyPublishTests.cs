using CSnakes.Python.Tasks.Publish;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>ComputePythonBundle runs the native check on what it collected, unless CheckNativeDependencies is false.</summary>
[TestClass]
public sealed class NativeDependencyPublishTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateFakeInstall()
    {
        _root = Path.Combine(Path.GetTempPath(), "csnakes-native-publish-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in new[] { "home/lib/libpython3.12.so.1.0", "home/bin/python3.12", "home/lib/python3.12/os.py", "venv/site-packages/cryptoish/__init__.py" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_root, file))!);
            File.WriteAllText(Path.Combine(_root, file), file);
        }
        // A real module that needs libssl.so.3 and libcrypto.so.3, neither of which the bundle carries.
        File.Copy(NativeFixtures.DynloadModule("_ssl"), Path.Combine(_root, $"venv/site-packages/cryptoish/_ssl.{NativeFixtures.Abi}.so"));
    }

    [TestCleanup]
    public void DeleteFakeInstall() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void OnByDefaultItWarnsPerMissingLibrary()
    {
        var (task, engine) = NewTask();

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        CollectionAssert.AreEquivalent(new[] { "CSPY4005", "CSPY4005" }, engine.Warnings.Select(w => w.Code).ToArray());
        Assert.IsTrue(engine.Warnings.Any(w => w.Message!.Contains("'libssl.so.3'")));
        Assert.IsTrue(engine.Warnings.All(w => w.Message!.Contains("'cryptoish'")));
    }

    [TestMethod]
    public void CheckNativeDependenciesFalseTurnsItOff()
    {
        var (task, engine) = NewTask();
        task.CheckNativeDependencies = false;

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(0, engine.Warnings.Count);
        Assert.IsTrue(task.BundleFiles.Any(f => f.GetMetadata("TargetPath").EndsWith("_ssl." + NativeFixtures.Abi + ".so")), "the module is still bundled");
    }

    private (ComputePythonBundle Task, FakeBuildEngine Engine) NewTask()
    {
        var engine = new FakeBuildEngine();
        var task = new ComputePythonBundle
        {
            BuildEngine = engine,
            ProjectName = "App",
            ManifestFile = Path.Combine(_root, "obj", "App.csnakes.json"),
            PythonVersion = "3.12.1",
            LibPython = Path.Combine(_root, "home/lib/libpython3.12.so.1.0"),
            PythonHome = Path.Combine(_root, "home"),
            PythonExecutable = Path.Combine(_root, "home/bin/python3.12"),
            StdLib = Path.Combine(_root, "home/lib/python3.12"),
            SitePackages = Path.Combine(_root, "venv/site-packages"),
            ModuleRoots = [new TaskItem(".")],
            ProjectFile = Path.Combine(_root, "App.csproj"),
        };
        return (task, engine);
    }
}
