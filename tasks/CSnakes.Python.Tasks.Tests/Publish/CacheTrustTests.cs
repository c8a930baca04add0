using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>
/// The machine-wide caches StripPythonLibrary and CompilePythonBytecode reuse from are shipped by publish: a file
/// planted there, or a folder someone else can write, must not end up in the app. Real planted files, real modes
/// and owners (chown needs root), real strip and real Python. Unix modes and owners: these run on Linux and macOS only.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheTrustTests
{
    private const string PlantedMarker = "PLANTED-BY-SOMEONE-ELSE";

    private static string RequireLibPython()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        var lib = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(python)!)!, "lib", "libpython3.12.so.1.0");
        return File.Exists(lib) ? lib : throw new AssertInconclusiveException($"{lib} is not here.");
    }

    private static void RequireStrip()
    {
        if (HostFacts.Current.FindOnPath("strip") is null)
        {
            Assert.Inconclusive("no 'strip' (binutils) on PATH");
        }
    }

    private static string Sha256(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static void Chown(string path, int uid)
    {
        var result = ProcessRunner.Run("chown", [uid.ToString(), path]);
        if (!result.Succeeded)
        {
            Assert.Inconclusive($"chown needs root: {result.StandardError}");
        }
    }

    [TestMethod]
    public void APlantedLibPythonInTheCacheIsNotShipped()
    {
        var lib = RequireLibPython();
        RequireStrip();
        using var temp = new TempDirectory();
        var cache = temp.Combine("share", "CSnakes.Python.Sdk", "stripped");
        var first = new StripPythonLibrary { BuildEngine = new FakeBuildEngine(), LibPython = lib, CacheDirectory = cache };
        Assert.IsTrue(first.Execute());
        StringAssert.StartsWith(first.BundledLibPython, cache);
        var genuine = Sha256(first.BundledLibPython);

        // Someone replaces the cached copy (same name, same folder) with their own library.
        File.WriteAllText(first.BundledLibPython, PlantedMarker);

        var engine = new FakeBuildEngine();
        var second = new StripPythonLibrary { BuildEngine = engine, LibPython = lib, CacheDirectory = cache };
        Assert.IsTrue(second.Execute(), engine.ErrorText);

        Assert.AreEqual(genuine, Sha256(second.BundledLibPython), "the planted file was bundled");
    }

    [TestMethod]
    public void ALibPythonWithoutARecordIsStrippedAgainNotTrusted()
    {
        var lib = RequireLibPython();
        RequireStrip();
        using var temp = new TempDirectory();
        var cache = temp.Combine("cache");
        var first = new StripPythonLibrary { BuildEngine = new FakeBuildEngine(), LibPython = lib, CacheDirectory = cache };
        Assert.IsTrue(first.Execute());
        var genuine = Sha256(first.BundledLibPython);
        // A file at the right place with no record of being made here: e.g. copied in from another machine.
        File.Delete(first.BundledLibPython + ".sha256");
        File.WriteAllText(first.BundledLibPython, PlantedMarker);

        var second = new StripPythonLibrary { BuildEngine = new FakeBuildEngine(), LibPython = lib, CacheDirectory = cache };
        Assert.IsTrue(second.Execute());

        Assert.AreEqual(genuine, Sha256(second.BundledLibPython));
    }

    [TestMethod]
    [DataRow("world-writable")]
    [DataRow("group-writable")]
    [DataRow("someone else's")]
    public void ALibPythonCacheFolderOthersCanWriteIsNotUsed(string kind)
    {
        var lib = RequireLibPython();
        RequireStrip();
        using var temp = new TempDirectory();
        var cache = temp.CreateDirectory("cache");
        switch (kind)
        {
            case "world-writable": File.SetUnixFileMode(cache, (UnixFileMode)Convert.ToInt32("777", 8)); break;
            case "group-writable": File.SetUnixFileMode(cache, (UnixFileMode)Convert.ToInt32("770", 8)); break;
            default: Chown(cache, 4242); break;
        }
        var engine = new FakeBuildEngine();
        var task = new StripPythonLibrary { BuildEngine = engine, LibPython = lib, CacheDirectory = cache };

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.IsFalse(task.BundledLibPython.StartsWith(cache, StringComparison.Ordinal), $"the {kind} cache was used: {task.BundledLibPython}");
        Assert.AreNotEqual(lib, task.BundledLibPython, "a private folder should have been used instead, still stripping");
        Assert.IsTrue(engine.Messages.Any(m => m.Importance == MessageImportance.Low && m.Message!.Contains($"Not using the cache folder '{cache}")), engine.MessageText);
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(task.BundledLibPython)!)!, recursive: true);
    }

    private static (CompilePythonBytecode Task, FakeBuildEngine Engine) NewBytecodeTask(string python, string root, string obj, string shared)
    {
        var engine = new FakeBuildEngine();
        ITaskItem source = new TaskItem(Path.Combine(root, "src", "os.py"));
        source.SetMetadata("TargetPath", "python/lib/python3.12/os.py");
        return (new CompilePythonBytecode
        {
            BuildEngine = engine,
            PythonExecutable = python,
            OutputDirectory = Path.Combine(root, obj),
            SharedOutputDirectory = shared,
            ProjectFile = Path.Combine(root, "Lib.csproj"),
            SourceFiles = [source],
        }, engine);
    }

    [TestMethod]
    public void APlantedPycWithTheRightHeaderIsNotShipped()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        temp.WriteFile("src/os.py", "NAME = 'genuine'\n");
        var shared = temp.Combine("share", "CSnakes.Python.Sdk", "pyc");
        var (first, engine) = NewBytecodeTask(python, temp.Path, "obj1", shared);
        Assert.IsTrue(first.Execute(), engine.ErrorText);
        var pyc = first.BytecodeFiles.Single().ItemSpec;
        StringAssert.StartsWith(pyc, shared);

        // Someone swaps in their own code behind the genuine 16-byte header (magic, flags, source hash).
        var planted = temp.WriteFile("planted.py", $"NAME = '{PlantedMarker}'\n");
        var plantedPyc = temp.Combine("planted.pyc");
        var compiled = ProcessRunner.Run(python, ["-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)", planted, plantedPyc]);
        Assert.IsTrue(compiled.Succeeded, compiled.StandardError);
        File.WriteAllBytes(pyc, [.. File.ReadAllBytes(pyc).AsSpan(0, 16), .. File.ReadAllBytes(plantedPyc).AsSpan(16)]);

        // Another project (no stamp of its own) and the first one again (its stamp says nothing changed).
        var (other, otherEngine) = NewBytecodeTask(python, temp.Path, "obj2", shared);
        Assert.IsTrue(other.Execute(), otherEngine.ErrorText);
        Assert.IsFalse(Encoding.Latin1.GetString(File.ReadAllBytes(other.BytecodeFiles.Single().ItemSpec)).Contains(PlantedMarker), "another project shipped the planted pyc");

        File.WriteAllBytes(pyc, [.. File.ReadAllBytes(pyc).AsSpan(0, 16), .. File.ReadAllBytes(plantedPyc).AsSpan(16)]);
        var (again, againEngine) = NewBytecodeTask(python, temp.Path, "obj1", shared);
        Assert.IsTrue(again.Execute(), againEngine.ErrorText);
        var shipped = File.ReadAllBytes(again.BytecodeFiles.Single().ItemSpec);
        Assert.IsFalse(Encoding.Latin1.GetString(shipped).Contains(PlantedMarker), "the up-to-date project shipped the planted pyc");
        StringAssert.Contains(Encoding.Latin1.GetString(shipped), "genuine");
    }

    [TestMethod]
    public void AFullDiskUnderObjIsCSPY4004NotACrash()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        temp.WriteFile("src/os.py", "NAME = 'genuine'\n");
        using var disk = TmpfsMount.MountOrSkip(temp.Combine("obj"), "1m");
        disk.Fill();
        var (task, engine) = NewBytecodeTask(python, temp.Path, "obj", "");

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY4004", error.Code);
        StringAssert.Contains(error.Message, "disk is full");
    }

    [TestMethod]
    public void APycCacheFolderOthersCanWriteIsNotUsed()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        temp.WriteFile("src/os.py", "NAME = 'genuine'\n");
        var shared = temp.CreateDirectory("shared");
        File.SetUnixFileMode(shared, (UnixFileMode)Convert.ToInt32("777", 8));
        var (task, engine) = NewBytecodeTask(python, temp.Path, "obj", shared);

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var pyc = task.BytecodeFiles.Single().ItemSpec;
        Assert.IsFalse(pyc.StartsWith(shared, StringComparison.Ordinal), pyc);
        StringAssert.Contains(engine.MessageText, $"Not using the cache folder '{shared}");
        Assert.AreEqual(0, Directory.GetFiles(shared, "*", SearchOption.AllDirectories).Length, "something was written into the refused folder");

        // Another project of the same app falls back to the same private folder: one source per publish target (NETSDK1152).
        var (other, otherEngine) = NewBytecodeTask(python, temp.Path, "obj2", shared);
        Assert.IsTrue(other.Execute(), otherEngine.ErrorText);
        Assert.AreEqual(pyc, other.BytecodeFiles.Single().ItemSpec);
        Directory.Delete(Path.GetDirectoryName(pyc[..pyc.IndexOf("/python/lib/", StringComparison.Ordinal)])!, recursive: true);
    }
}
