using CSnakes.Python.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>PythonSystemSitePackages with a real Python and a real venv.</summary>
[TestClass]
public sealed class VenvSystemSitePackagesTests
{
    private static CreatePythonVenv NewTask(string python, string root, FakeBuildEngine engine, bool systemSitePackages) => new()
    {
        BuildEngine = engine,
        PythonExecutable = python,
        PythonVersion = "3.12.1",
        VenvRoot = root,
        ProjectFile = "/src/Lib/Lib.csproj",
        SystemSitePackages = systemSitePackages,
        // pip is the installer under test here; uv on this machine's PATH must not change what is built.
        PackageInstaller = "pip",
    };

    private static ProcessResult RunIn(string python, string code) => ProcessRunner.Run(python, ["-c", code]);

    [TestMethod]
    public void TheVenvSeesTheBaseSitePackagesAndFlippingTheSwitchRebuilds()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        // pip lives in the base's site-packages and never in our venvs (they are made --without-pip), so whether the
        // venv can import pip tells whether it sees the base's site-packages.
        var basePip = RunIn(python, "import pip, os; print(os.path.dirname(pip.__file__))");
        if (!basePip.Succeeded)
        {
            Assert.Inconclusive($"{python} has no pip in its site-packages to look for.");
        }
        using var temp = new TempDirectory();
        var root = temp.Combine("venv");

        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine, systemSitePackages: true);
        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(Path.Combine(root, "venv-a"), task.VenvDirectory);
        StringAssert.Contains(File.ReadAllText(Path.Combine(task.VenvDirectory, "pyvenv.cfg")), "include-system-site-packages = true");
        var seen = RunIn(task.VenvPython, "import pip, os, sys; print(os.path.dirname(pip.__file__)); print(sys.prefix)");
        Assert.IsTrue(seen.Succeeded, seen.StandardError);
        var lines = seen.StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
        Assert.AreEqual(basePip.StandardOutput.Trim(), lines[0], "pip comes from the base interpreter's site-packages");
        Assert.AreEqual(task.VenvDirectory, lines[1], "it is still the venv that runs");

        // Off: the venv is rebuilt (in the other slot) and sees only its own packages.
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, systemSitePackages: false);
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(Path.Combine(root, "venv-b"), task.VenvDirectory);
        StringAssert.Contains(engine.MessageText, "Creating Python venv");
        StringAssert.Contains(File.ReadAllText(Path.Combine(task.VenvDirectory, "pyvenv.cfg")), "include-system-site-packages = false");
        Assert.IsFalse(RunIn(task.VenvPython, "import pip").Succeeded, "without the switch the base's pip is out of sight");

        // On again: the first slot still matches, so nothing is built.
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, systemSitePackages: true);
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(Path.Combine(root, "venv-a"), task.VenvDirectory);
        StringAssert.Contains(engine.MessageText, "already matches the inputs");
        Assert.IsFalse(engine.MessageText.Contains("Creating Python venv"), engine.MessageText);
    }

    [TestMethod]
    public void DebiansAptPackagesAreImportable()
    {
        const string debian = "/usr/bin/python3.11";
        if (!File.Exists(debian) || !RunIn(debian, "import numpy").Succeeded)
        {
            Assert.Inconclusive($"{debian} with Debian's python3-numpy is not installed here.");
        }
        using var temp = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = NewTask(debian, temp.Combine("venv"), engine, systemSitePackages: true);
        task.PythonVersion = "3.11";

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var numpy = RunIn(task.VenvPython, "import numpy; print(numpy.__file__)");
        Assert.IsTrue(numpy.Succeeded, numpy.StandardError);
        StringAssert.StartsWith(numpy.StandardOutput.Trim(), "/usr/lib/python3/dist-packages/");
    }
}
