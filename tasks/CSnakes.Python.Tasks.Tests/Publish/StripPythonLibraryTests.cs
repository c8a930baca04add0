using System.Runtime.InteropServices;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>StripPythonLibrary on pyenv's real libpython (which carries debug information) under a temp cache.</summary>
[TestClass]
public sealed class StripPythonLibraryTests
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate nint GetVersion();

    private static string RequireLibPython()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        var lib = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(python)!)!, "lib", "libpython3.12.so.1.0");
        return File.Exists(lib) ? lib : throw new AssertInconclusiveException($"{lib} is not here.");
    }

    private static string RequireStrip() =>
        HostFacts.Current.FindOnPath("strip") ?? throw new AssertInconclusiveException("no 'strip' (binutils) on PATH");

    [TestMethod]
    public void StrippedCopyIsSmallerStillLoadsAndIsReused()
    {
        var lib = RequireLibPython();
        RequireStrip();
        using var cache = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = new StripPythonLibrary { BuildEngine = engine, LibPython = lib, CacheDirectory = cache.Path };

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var stripped = task.BundledLibPython;
        StringAssert.StartsWith(stripped, cache.Path);
        Assert.AreEqual("libpython3.12.so.1.0", Path.GetFileName(stripped), "the soname stays the file name");
        long before = new FileInfo(RealPath.Resolve(lib)).Length, after = new FileInfo(stripped).Length;
        Assert.IsTrue(after < before / 2, $"{after} bytes is not much smaller than {before}");

        // The loader can still load it and find the C API.
        nint handle = NativeLibrary.Load(stripped);
        var getVersion = Marshal.GetDelegateForFunctionPointer<GetVersion>(NativeLibrary.GetExport(handle, "Py_GetVersion"));
        StringAssert.StartsWith(Marshal.PtrToStringUTF8(getVersion()), "3.12.1");
        Assert.AreNotEqual(0, NativeLibrary.GetExport(handle, "Py_InitializeFromConfig"));

        // Next publish: the cached copy, without running strip at all (this tool would fail).
        var again = new StripPythonLibrary { BuildEngine = new FakeBuildEngine(), LibPython = lib, CacheDirectory = cache.Path, StripTool = "/nonexistent/strip" };
        Assert.IsTrue(again.Execute());
        Assert.AreEqual(stripped, again.BundledLibPython);
    }

    [TestMethod]
    public void AFailingToolBundlesTheOriginalAndSaysWhy()
    {
        var lib = RequireLibPython();
        using var cache = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = new StripPythonLibrary { BuildEngine = engine, LibPython = lib, CacheDirectory = cache.Path, StripTool = "/bin/false" };

        Assert.IsTrue(task.Execute(), "a bigger bundle, never a failed publish");

        Assert.AreEqual(lib, task.BundledLibPython);
        StringAssert.Contains(engine.MessageText, "libpython is bundled with its debug information");
        Assert.AreEqual(0, Directory.GetFiles(cache.Path, "*", SearchOption.AllDirectories).Length, "no half-written file is left");
    }
}
