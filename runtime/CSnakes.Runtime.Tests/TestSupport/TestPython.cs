using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>
/// Starts the one interpreter of this test process: a real venv made by the interpreter under
/// test, a <c>.pth</c> file in its site-packages, decoy <c>PYTHONPATH</c>/<c>PYTHONHOME</c> in the
/// native environment, and the <c>python/</c> fixtures folder as a module path.
/// </summary>
[TestClass]
public static class TestPython
{
    internal static IPythonEnvironment Env { get; private set; } = null!;
    internal static PythonUnderTest PythonUnderTestInfo { get; private set; } = null!;
    internal static string Root { get; private set; } = null!;
    internal static string Venv => Path.Combine(Root, "venv");
    internal static string DecoyPath => Path.Combine(Root, "decoy");
    internal static PyObject Fixtures { get; private set; } = null!;

    [AssemblyInitialize]
    public static void Start(TestContext context)
    {
        PythonUnderTestInfo = PythonUnderTest.Find();
        context.WriteLine($"Python under test: {PythonUnderTestInfo}");
        Console.WriteLine($"Python under test: {PythonUnderTestInfo.Version} at {PythonUnderTestInfo.Executable} ({PythonUnderTestInfo.LibPython})");
        Root = Directory.CreateTempSubdirectory("csnakes-runtime-tests-").FullName;

        // System site-packages stay visible so a distribution's packages (Debian's python3-numpy) can be tested.
        PythonUnderTest.RunText(PythonUnderTestInfo.Executable, ["-m", "venv", "--without-pip", "--system-site-packages", Venv]);
        string sitePackages = Directory.GetDirectories(Path.Combine(Venv, "lib"), "python3*").Single() + "/site-packages";
        string pthTarget = Directory.CreateDirectory(Path.Combine(Root, "pth-target")).FullName;
        File.WriteAllText(Path.Combine(pthTarget, "pth_probe.py"), "VALUE = 'found through a .pth file'\n");
        File.WriteAllText(Path.Combine(sitePackages, "csnakes_probe.pth"), pthTarget + "\n");

        Directory.CreateDirectory(DecoyPath);
        File.WriteAllText(Path.Combine(DecoyPath, "decoy_module.py"), "VALUE = 'decoy'\n");
        File.WriteAllText(Path.Combine(DecoyPath, "fixtures.py"), "raise RuntimeError('the decoy fixtures module was imported')\n");
        NativeEnvironment.Set("PYTHONPATH", DecoyPath);
        NativeEnvironment.Set("PYTHONHOME", Path.Combine(Root, "no-such-home"));
        // Read by CPython's path calculation even when isolated: it would make sys.prefix the base install.
        NativeEnvironment.Set("PYTHONEXECUTABLE", Path.Combine(Root, "no-such-python"));

        Env = PythonEnvironment.Start(new PythonEnvironmentOptions
        {
            LibPythonPath = PythonUnderTestInfo.LibPython,
            Home = PythonUnderTestInfo.BasePrefix,
            VirtualEnvironment = Venv,
            ModulePaths = [Path.Combine(AppContext.BaseDirectory, "python")],
        });
        Fixtures = Env.Import("fixtures");
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        Fixtures.Dispose();
        Env.Dispose();
        Env.Dispose(); // twice is harmless

        // After dispose every entry point fails cleanly (asserted here because it must run last).
        Assert.ThrowsExactly<ObjectDisposedException>(() => Env.Import("sys"));
        Assert.ThrowsExactly<ObjectDisposedException>(() => GIL.Acquire());
        Assert.ThrowsExactly<ObjectDisposedException>(() => IntConverter.Instance.ToPython(1));
        Assert.ThrowsExactly<InvalidOperationException>(() => PythonEnvironment.Start(new PythonEnvironmentOptions { LibPythonPath = PythonUnderTestInfo.LibPython }));
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Calls <c>fixtures.&lt;name&gt;(*args)</c>.</summary>
    internal static PyObject Call(string name, params PyObject[] args)
    {
        using var function = Fixtures.GetAttr(name);
        return function.Call(args);
    }
}
