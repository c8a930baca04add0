using System.Text.Json;
using CSnakes.Python.Tasks.Publish;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>ComputePythonBundle over a fake install under a temp root (posix layout, as pyenv lays it out).</summary>
[TestClass]
public sealed class ComputePythonBundleTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateFakeInstall()
    {
        _root = Path.Combine(Path.GetTempPath(), "csnakes-bundle-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in new[]
        {
            "home/lib/libpython3.12.so.1.0", "home/bin/python3.12",
            "home/lib/python3.12/os.py", "home/lib/python3.12/json/__init__.py",
            "home/lib/python3.12/lib-dynload/_decimal.cpython-312-x86_64-linux-gnu.so",
            "home/lib/python3.12/lib-dynload/_testcapi.cpython-312-x86_64-linux-gnu.so",
            "home/lib/python3.12/__pycache__/os.cpython-312.pyc",
            "home/lib/python3.12/test/test_os.py", "home/lib/python3.12/idlelib/idle.py",
            "home/lib/python3.12/tkinter/__init__.py", "home/lib/python3.12/turtledemo/x.py",
            "home/lib/python3.12/ensurepip/__init__.py", "home/lib/python3.12/site-packages/pip/__init__.py",
            "home/lib/python3.12/unittest/test/test_case.py", "home/lib/python3.12/unittest/case.py",
            "home/lib/python3.12/config-3.12-x86_64-linux-gnu/libpython3.12.a",
            "venv/lib/python3.12/site-packages/tinywheel/__init__.py",
            "venv/lib/python3.12/site-packages/extra.pth",
            "venv/lib/python3.12/site-packages/fast.cpython-312-x86_64-linux-gnu.so",
            "venv/lib/python3.12/site-packages/pip/__init__.py",
            "venv/lib/python3.12/site-packages/pip-24.0.dist-info/METADATA",
        })
        {
            string path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
    }

    [TestCleanup]
    public void DeleteFakeInstall() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void BundlesLibPythonExecutableTrimmedStdLibAndSitePackages()
    {
        var (task, engine) = NewTask(rid: "");

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var targets = task.BundleFiles.Select(f => f.GetMetadata("TargetPath")).ToHashSet();
        CollectionAssert.IsSubsetOf(new[]
        {
            "python/lib/libpython3.12.so.1.0", "python/bin/python3.12", "python/lib/python3.12/os.py",
            "python/lib/python3.12/json/__init__.py", "python/lib/python3.12/unittest/case.py",
            "python/lib/python3.12/lib-dynload/_decimal.cpython-312-x86_64-linux-gnu.so",
            "python/site-packages/Lib/tinywheel/__init__.py", "python/site-packages/Lib/extra.pth",
            "python/site-packages/Lib/fast.cpython-312-x86_64-linux-gnu.so",
        }, targets.ToList());
        foreach (var excluded in new[] { "/test/", "idlelib", "tkinter", "turtledemo", "ensurepip", "__pycache__", "lib/python3.12/site-packages", "config-3.12", "_testcapi", "/pip" })
        {
            Assert.IsFalse(targets.Any(t => t.Contains(excluded)), $"'{excluded}' should not be bundled: {string.Join(", ", targets.Where(t => t.Contains(excluded)))}");
        }
    }

    [TestMethod]
    public void ManifestUsesPathsRelativeToTheApp()
    {
        var (task, engine) = NewTask(rid: BundleRuntimeIdentifier.Host());

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        using var manifest = JsonDocument.Parse(File.ReadAllText(task.ManifestFile));
        var python = manifest.RootElement.GetProperty("python");
        Assert.AreEqual("python/lib/libpython3.12.so.1.0", python.GetProperty("libPython").GetString());
        Assert.AreEqual("python", python.GetProperty("home").GetString());
        Assert.AreEqual("python/bin/python3.12", python.GetProperty("executable").GetString());
        Assert.AreEqual(JsonValueKind.Null, manifest.RootElement.GetProperty("venv").ValueKind);
        Assert.AreEqual("python/site-packages/Lib", manifest.RootElement.GetProperty("sitePackages")[0].GetString());
        Assert.AreEqual(".", manifest.RootElement.GetProperty("moduleRoots")[0].GetString());
    }

    [TestMethod]
    public void EverySiteDirectoryIsBundledApartInOrder()
    {
        var system = Path.Combine(_root, "system", "dist-packages");
        Directory.CreateDirectory(Path.Combine(system, "numpy"));
        File.WriteAllText(Path.Combine(system, "numpy", "__init__.py"), "");
        var (task, engine) = NewTask(rid: "");
        // The venv's site, a folder on sys.path that does not exist (skipped, but keeps its number), the system's.
        task.SiteDirectories = [new TaskItem(task.SitePackages), new TaskItem(Path.Combine(_root, "missing")), new TaskItem(system)];

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var targets = task.BundleFiles.Select(f => f.GetMetadata("TargetPath")).ToHashSet();
        Assert.IsTrue(targets.Contains("python/site-packages/Lib/tinywheel/__init__.py"));
        Assert.IsTrue(targets.Contains("python/site-packages/Lib.site3/numpy/__init__.py"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(task.ManifestFile));
        CollectionAssert.AreEqual(new[] { "python/site-packages/Lib", "python/site-packages/Lib.site3" },
            manifest.RootElement.GetProperty("sitePackages").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [TestMethod]
    [DataRow("win-x64")]
    [DataRow("osx-arm64")]
    [DataRow("linux-musl-x64")]
    public void ForeignRuntimeIdentifierFailsWithCSPY4001(string rid)
    {
        var (task, engine) = NewTask(rid);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY4001", error.Code);
        Assert.AreEqual(Path.Combine(_root, "Lib.csproj"), error.File);
        StringAssert.Contains(error.Message, rid);
        StringAssert.Contains(error.Message, "PythonBundle=false");
        Assert.AreEqual(0, task.BundleFiles.Length);
        Assert.IsFalse(File.Exists(task.ManifestFile), "No manifest for a bundle that was not made.");
    }

    [TestMethod]
    public void MissingStdLibFailsWithCSPY4002()
    {
        var (task, engine) = NewTask(rid: "");
        task.StdLib = Path.Combine(_root, "nowhere");

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("CSPY4002", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "nowhere");
    }

    [TestMethod]
    public void WithoutBundleNothingIsListedAndTheManifestNamesTheBuildInterpreter()
    {
        var (task, engine) = NewTask(rid: "win-x64");
        task.Bundle = false;

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(0, task.BundleFiles.Length);
        using var manifest = JsonDocument.Parse(File.ReadAllText(task.ManifestFile));
        Assert.AreEqual(task.LibPython, manifest.RootElement.GetProperty("python").GetProperty("libPython").GetString());
        Assert.IsFalse(manifest.RootElement.TryGetProperty("sitePackages", out var sitePackages) && sitePackages.GetArrayLength() > 0, "no site directories without a bundle");
    }

    [TestMethod]
    public void UnchangedManifestIsNotRewritten()
    {
        var (task, engine) = NewTask(rid: "");
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(task.ManifestFile, old);

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(old, File.GetLastWriteTimeUtc(task.ManifestFile));
    }

    private (ComputePythonBundle Task, FakeBuildEngine Engine) NewTask(string rid)
    {
        var engine = new FakeBuildEngine();
        var task = new ComputePythonBundle
        {
            BuildEngine = engine,
            ProjectName = "Lib",
            ManifestFile = Path.Combine(_root, "obj", "publish", "Lib.csnakes.json"),
            RuntimeIdentifier = rid,
            PythonVersion = "3.12.1",
            LibPython = Path.Combine(_root, "home/lib/libpython3.12.so.1.0"),
            PythonHome = Path.Combine(_root, "home"),
            PythonExecutable = Path.Combine(_root, "home/bin/python3.12"),
            StdLib = Path.Combine(_root, "home/lib/python3.12"),
            SitePackages = Path.Combine(_root, "venv/lib/python3.12/site-packages"),
            ModuleRoots = [new TaskItem(".")],
            ProjectFile = Path.Combine(_root, "Lib.csproj"),
        };
        return (task, engine);
    }
}
