using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class IsolationAndVenvTests
{
    private static IReadOnlyDictionary<string, string> SysInfo()
    {
        using var info = Call("sys_info");
        return info.As<IReadOnlyDictionary<string, string>>();
    }

    [TestMethod]
    public void TheVenvIsARealVenv()
    {
        var info = SysInfo();
        Assert.AreEqual(Path.GetFullPath(Venv), Path.GetFullPath(info["prefix"]));
        Assert.AreEqual(Path.GetFullPath(PythonUnderTestInfo.BasePrefix), Path.GetFullPath(info["base_prefix"]));
        Assert.AreEqual(Path.Combine(Venv, "bin", "python"), info["executable"]);
    }

    [TestMethod]
    public void PthFilesInSitePackagesAreProcessed()
    {
        using var name = PyObject.From("pth_probe");
        using var value = Call("import_value", name);
        Assert.AreEqual("found through a .pth file", value.As<string>());
    }

    [TestMethod]
    public void PythonPathAndPythonHomeFromTheEnvironmentAreIgnored()
    {
        var info = SysInfo();
        // The decoys really are in the process environment, so this test could fail.
        Assert.AreEqual(DecoyPath, info["pythonpath_env"]);
        StringAssert.Contains(info["pythonhome_env"], "no-such-home");
        using var name = PyObject.From("decoy_module");
        using var found = Call("can_import", name);
        Assert.IsFalse(found.As<bool>(), "a module on the decoy PYTHONPATH was importable");
        using var path = Call("sys_path");
        Assert.IsFalse(path.As<IReadOnlyList<string>>().Contains(DecoyPath));
        Assert.AreEqual("1", info["isolated"]);
    }

    [TestMethod]
    public void ModulePathsComeFirstOnSysPath()
    {
        using var path = Call("sys_path");
        Assert.AreEqual(Path.Combine(AppContext.BaseDirectory, "python"), path.As<IReadOnlyList<string>>()[0]);
    }

    [TestMethod]
    public void Utf8ModeIsOnWhateverTheLocale()
    {
        var info = SysInfo();
        Assert.AreEqual("1", info["utf8_mode"]);
        Assert.AreEqual("utf-8", info["fs_encoding"]);
    }

    [TestMethod]
    public void CExtensionModulesImport()
    {
        // math and _json are C extensions in lib-dynload on most builds: they need libpython's symbols globally.
        using var json = Call("use_math");
        Assert.AreEqual("{\"pi\": 3.14}", json.As<string>());
    }

    [TestMethod]
    public void VersionMatchesTheInterpreter()
    {
        Assert.AreEqual(Version.Parse(PythonUnderTestInfo.Version), Env.Version);
    }

    [TestMethod]
    public void StartingASecondInterpreterIsRefused()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => PythonEnvironment.Start(new PythonEnvironmentOptions { LibPythonPath = PythonUnderTestInfo.LibPython }));
        StringAssert.Contains(e.Message, "already running");
    }

    [TestMethod]
    public void GetModuleImportsOnceAndCaches()
    {
        int factoryCalls = 0;
        var first = Env.GetModule("fixtures", m => { Interlocked.Increment(ref factoryCalls); return new object(); });
        var second = Env.GetModule("fixtures", m => { Interlocked.Increment(ref factoryCalls); return new object(); });
        Assert.AreSame(first, second);
        Assert.AreEqual(1, factoryCalls);
    }
}
