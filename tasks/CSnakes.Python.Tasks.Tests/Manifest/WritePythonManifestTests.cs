using System.Text.Json;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Manifest;

[TestClass]
public sealed class WritePythonManifestTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateRoot()
    {
        _root = Path.Combine(Path.GetTempPath(), "csnakes-manifest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private (WritePythonManifest Task, RecordingBuildEngine Engine) CreateTask(string fileName = "Demo.csnakes.json")
    {
        var engine = new RecordingBuildEngine();
        var task = new WritePythonManifest
        {
            BuildEngine = engine,
            OutputFile = Path.Combine(_root, "obj", fileName),
            ProjectName = "Demo",
            PythonVersion = "3.12.1",
            AbiFlags = "",
            LibPython = "/root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0",
            PythonHome = "/root/.pyenv/versions/3.12.1",
            PythonExecutable = "/root/.pyenv/versions/3.12.1/bin/python3.12",
            VenvDirectory = "/work/Demo/obj/python/venv/a/",
        };
        return (task, engine);
    }

    [TestMethod]
    public void WritesTheDocumentedFormat()
    {
        var (task, engine) = CreateTask();

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        var expected = """
            {
              "formatVersion": 1,
              "project": "Demo",
              "python": {
                "version": "3.12.1",
                "abiFlags": "",
                "libPython": "/root/.pyenv/versions/3.12.1/lib/libpython3.12.so.1.0",
                "home": "/root/.pyenv/versions/3.12.1",
                "executable": "/root/.pyenv/versions/3.12.1/bin/python3.12"
              },
              "venv": "/work/Demo/obj/python/venv/a",
              "moduleRoots": [
                "."
              ]
            }

            """.Replace("\r\n", "\n");
        Assert.AreEqual(expected, File.ReadAllText(task.OutputFile));
        Assert.IsTrue(task.Written);
    }

    [TestMethod]
    public void KeepsGivenModuleRootsInOrder()
    {
        var (task, _) = CreateTask();
        task.ModuleRoots = [new TaskItem("python/lib"), new TaskItem(".")];

        Assert.IsTrue(task.Execute());

        using var json = JsonDocument.Parse(File.ReadAllText(task.OutputFile));
        var roots = json.RootElement.GetProperty("moduleRoots").EnumerateArray().Select(e => e.GetString()).ToArray();
        CollectionAssert.AreEqual(new[] { "python/lib", "." }, roots);
    }

    [TestMethod]
    public void TheSourceDirectoryIsWrittenOnlyWhenGiven()
    {
        var (task, _) = CreateTask();
        Assert.IsTrue(task.Execute());
        using (var without = JsonDocument.Parse(File.ReadAllText(task.OutputFile)))
        {
            Assert.IsFalse(without.RootElement.TryGetProperty("sourceDirectory", out _), "published manifests must not name a source folder");
        }

        task.SourceDirectory = "/src/Demo/";
        Assert.IsTrue(task.Execute());
        using var with = JsonDocument.Parse(File.ReadAllText(task.OutputFile));
        Assert.AreEqual("/src/Demo", with.RootElement.GetProperty("sourceDirectory").GetString());
    }

    [TestMethod]
    public void EmptyVenvIsWrittenAsNull()
    {
        var (task, _) = CreateTask();
        task.VenvDirectory = "";

        Assert.IsTrue(task.Execute());

        using var json = JsonDocument.Parse(File.ReadAllText(task.OutputFile));
        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("venv").ValueKind);
    }

    [TestMethod]
    public void PathsWithSpacesPlusAndNonAsciiStayReadable()
    {
        var (task, _) = CreateTask();
        task.VenvDirectory = "/home/zoë/my app+1/venv";

        Assert.IsTrue(task.Execute());

        StringAssert.Contains(File.ReadAllText(task.OutputFile), "\"venv\": \"/home/zoë/my app+1/venv\"");
    }

    [TestMethod]
    public void SameContentDoesNotRewriteTheFile()
    {
        var (first, _) = CreateTask();
        Assert.IsTrue(first.Execute());
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first.OutputFile, stamp);

        var (second, _) = CreateTask();
        Assert.IsTrue(second.Execute());

        Assert.IsFalse(second.Written);
        Assert.AreEqual(stamp, File.GetLastWriteTimeUtc(second.OutputFile));
    }

    [TestMethod]
    public void ChangedContentRewritesTheFile()
    {
        var (first, _) = CreateTask();
        Assert.IsTrue(first.Execute());

        var (second, _) = CreateTask();
        second.VenvDirectory = "/work/Demo/obj/python/venv/b";
        Assert.IsTrue(second.Execute());

        Assert.IsTrue(second.Written);
        StringAssert.Contains(File.ReadAllText(second.OutputFile), "venv/b");
    }

    [TestMethod]
    public void OutputIsByteIdenticalAcrossRuns()
    {
        var (first, _) = CreateTask("one.json");
        var (second, _) = CreateTask("two.json");
        Assert.IsTrue(first.Execute());
        Assert.IsTrue(second.Execute());

        CollectionAssert.AreEqual(File.ReadAllBytes(first.OutputFile), File.ReadAllBytes(second.OutputFile));
        Assert.IsFalse(File.ReadAllText(first.OutputFile).Contains('\r'));
    }

    [TestMethod]
    [DataRow("PythonVersion")]
    [DataRow("LibPython")]
    [DataRow("PythonHome")]
    [DataRow("PythonExecutable")]
    public void MissingInterpreterFieldIsAnErrorNamingIt(string property)
    {
        var (task, engine) = CreateTask();
        typeof(WritePythonManifest).GetProperty(property)!.SetValue(task, "");

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(1, engine.Errors.Count);
        Assert.AreEqual("CSPY0901", engine.Errors[0].Code);
        StringAssert.Contains(engine.Errors[0].Message, property);
        Assert.IsFalse(File.Exists(task.OutputFile));
    }

    [TestMethod]
    public void UnwritableLocationIsAnErrorNamingTheFile()
    {
        // A regular file where the folder should be makes the write fail on every OS.
        var blocker = Path.Combine(_root, "blocker");
        File.WriteAllText(blocker, "");
        var (task, engine) = CreateTask();
        task.OutputFile = Path.Combine(blocker, "Demo.csnakes.json");

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(1, engine.Errors.Count);
        Assert.AreEqual("CSPY0900", engine.Errors[0].Code);
        Assert.AreEqual(task.OutputFile, engine.Errors[0].File);
    }
}
