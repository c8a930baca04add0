using CSnakes.Python.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>
/// PythonPackageInstaller end to end through the task: real Python, real venv, real pip, and a fake uv (see
/// <see cref="FakeUv"/>) that the task really runs. uv itself is not installed on the test machines.
/// </summary>
[TestClass]
public sealed class VenvPackageInstallerTests
{
    private static CreatePythonVenv NewTask(string python, string root, FakeBuildEngine engine, string installer, string searchPath, params string[] requirements) => new()
    {
        BuildEngine = engine,
        PythonExecutable = python,
        PythonVersion = "3.12.1",
        VenvRoot = root,
        ProjectFile = "/src/Lib/Lib.csproj",
        RequirementsFiles = requirements.Select(r => (ITaskItem)new TaskItem(r)).ToArray(),
        PackageInstaller = installer,
        SearchPath = searchPath,
    };

    private static string RunInVenv(string venvPython, string code)
    {
        var result = ProcessRunner.Run(venvPython, ["-c", code]);
        Assert.IsTrue(result.Succeeded, $"{venvPython} -c {code}: {result.Describe()}\n{result.StandardError}");
        return result.StandardOutput.Trim();
    }

    private static string HighMessages(FakeBuildEngine engine) =>
        string.Join("\n", engine.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message));

    [TestMethod]
    public void AutoUsesUvFromPathToMakeTheVenvAndInstall()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var uv = FakeUv.Create(temp, python);
        var wheels = temp.Combine("wheels");
        TestWheel.Build(wheels, "csnakes_delta", "1.0", "VALUE = 'delta'\n");
        var requirements = temp.WriteFile("requirements.txt", "csnakes_delta==1.0\n");
        var root = temp.Combine("venv");
        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine, "auto", string.Join(Path.PathSeparator, temp.Combine("nothing"), uv.Directory, "/usr/bin"), requirements);
        task.PipArguments = $"--no-index --find-links \"{wheels}\"";

        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);

        var venv = Path.Combine(root, "venv-a");
        CollectionAssert.AreEqual(new[]
        {
            $"venv --python {python} {venv}",
            $"pip install --python {Path.Combine(venv, "bin", "python")} -r {requirements} --no-index --find-links {wheels}",
        }, uv.Calls.ToArray());
        Assert.AreEqual("delta", RunInVenv(task.VenvPython, "import csnakes_delta; print(csnakes_delta.VALUE)"));
        StringAssert.Contains(HighMessages(engine), $"Python packages are installed with uv: uv found at {uv.Executable}.");
        StringAssert.Contains(HighMessages(engine), "with uv…");
    }

    [TestMethod]
    public void AutoWithoutUvUsesPipAndPipIgnoresUvOnPath()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var wheels = temp.Combine("wheels");
        TestWheel.Build(wheels, "csnakes_delta", "1.0", "VALUE = 'delta'\n");
        var requirements = temp.WriteFile("requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_delta==1.0\n");

        var engine = new FakeBuildEngine();
        var task = NewTask(python, temp.Combine("auto"), engine, "auto", temp.CreateDirectory("empty-bin"), requirements);
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        StringAssert.Contains(HighMessages(engine), "Python packages are installed with pip: no uv on PATH (PythonPackageInstaller=auto).");
        Assert.AreEqual("delta", RunInVenv(task.VenvPython, "import csnakes_delta; print(csnakes_delta.VALUE)"));

        var uv = FakeUv.Create(temp, python);
        engine = new FakeBuildEngine();
        task = NewTask(python, temp.Combine("pip"), engine, "pip", uv.Directory, requirements);
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        StringAssert.Contains(HighMessages(engine), "Python packages are installed with pip: PythonPackageInstaller=pip.");
        Assert.AreEqual(0, uv.Calls.Count, "uv on PATH is not called when pip is asked for");
        Assert.AreEqual("delta", RunInVenv(task.VenvPython, "import csnakes_delta; print(csnakes_delta.VALUE)"));
    }

    [TestMethod]
    public void UvRequiredButNotOnPathIsCSPY1014()
    {
        using var temp = new TempDirectory();
        var bin = temp.CreateDirectory("bin");
        var engine = new FakeBuildEngine();
        var task = NewTask(temp.WriteFile("python3"), temp.Combine("venv"), engine, "uv", bin);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1014", error.Code);
        Assert.AreEqual("/src/Lib/Lib.csproj", error.File);
        StringAssert.Contains(error.Message, $"PATH ({bin})");
        StringAssert.Contains(error.Message, "Install uv");
        StringAssert.Contains(error.Message, "PythonPackageInstaller to 'pip'");
        Assert.IsFalse(Directory.Exists(temp.Combine("venv")), "nothing is built");
    }

    [TestMethod]
    public void SwitchingInstallerRebuildsAndSwitchingBackReusesTheOtherSlot()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var uv = FakeUv.Create(temp, python);
        var root = temp.Combine("venv");

        // uv, with the base's site-packages: the flag reaches uv venv.
        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine, "uv", uv.Directory);
        task.SystemSitePackages = true;
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        Assert.AreEqual(Path.Combine(root, "venv-a"), task.VenvDirectory);
        CollectionAssert.AreEqual(new[] { $"venv --python {python} --system-site-packages {task.VenvDirectory}" }, uv.Calls.ToArray(),
            "without requirements uv still makes the venv, and nothing is installed");
        StringAssert.Contains(File.ReadAllText(Path.Combine(task.VenvDirectory, "pyvenv.cfg")), "include-system-site-packages = true");

        // pip: same inputs otherwise, but another installer, so the venv is rebuilt in the other slot.
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, "pip", uv.Directory);
        task.SystemSitePackages = true;
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        Assert.AreEqual(Path.Combine(root, "venv-b"), task.VenvDirectory);
        StringAssert.Contains(engine.MessageText, "Creating Python venv");
        Assert.AreEqual(1, uv.Calls.Count);

        // auto finds the same uv: the uv slot matches again, so nothing runs.
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, "auto", uv.Directory);
        task.SystemSitePackages = true;
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        Assert.AreEqual(Path.Combine(root, "venv-a"), task.VenvDirectory);
        StringAssert.Contains(engine.MessageText, "already matches the inputs");
        Assert.AreEqual(1, uv.Calls.Count);
    }

    [TestMethod]
    public void UvFailuresAreTheSameCodesAsPipsNamingUv()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var wheels = temp.Combine("wheels");
        TestWheel.Build(wheels, "csnakes_delta", "1.0", "VALUE = 'delta'\n");
        var requirements = temp.WriteFile("requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_delta==1.0\ndoesnotexist==1.0\n");
        var uv = FakeUv.Create(temp, python);

        var engine = new FakeBuildEngine();
        var task = NewTask(python, temp.Combine("venv"), engine, "uv", uv.Directory, requirements);
        Assert.IsFalse(task.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1002", error.Code);
        Assert.AreEqual(requirements, error.File);
        Assert.AreEqual(4, error.LineNumber);
        StringAssert.StartsWith(error.Message, $"uv could not install the requirements in {requirements}");
        StringAssert.Contains(error.Message, "Last lines of uv's output");

        using var broken = new TempDirectory();
        var failing = FakeUv.Create(broken, python, script: "echo 'error: cannot create the venv' >&2\nexit 2");
        engine = new FakeBuildEngine();
        task = NewTask(python, broken.Combine("venv"), engine, "uv", failing.Directory);
        Assert.IsFalse(task.Execute());
        error = engine.Errors.Single();
        Assert.AreEqual("CSPY1001", error.Code);
        StringAssert.Contains(error.Message, $"with '{failing.Executable} venv' failed: it exited with code 2");
        StringAssert.Contains(error.Message, "error: cannot create the venv");
        StringAssert.Contains(error.Message, "set PythonPackageInstaller to pip");
    }
}
