using CSnakes.Python.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>Real Python, real venv, real pip (offline, from wheels the tests build).</summary>
[TestClass]
public sealed class CreatePythonVenvTests
{
    private static CreatePythonVenv NewTask(string python, string root, FakeBuildEngine engine, params string[] requirements) => new()
    {
        BuildEngine = engine,
        PythonExecutable = python,
        PythonVersion = "3.12.1",
        VenvRoot = root,
        ProjectFile = "/src/Lib/Lib.csproj",
        RequirementsFiles = requirements.Select(r => (ITaskItem)new TaskItem(r)).ToArray(),
        // These tests are about pip's behaviour; a uv on the machine's PATH (auto) must not replace it.
        PackageInstaller = "pip",
    };

    private static string RunInVenv(string venvPython, string code)
    {
        var result = ProcessRunner.Run(venvPython, ["-c", code]);
        Assert.IsTrue(result.Succeeded, $"{venvPython} -c {code}: {result.Describe()}\n{result.StandardError}");
        return result.StandardOutput.Trim();
    }

    [TestMethod]
    public void WithoutRequirementsCreatesAVenvOnceThenIsUpToDate()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var root = temp.Combine("obj", "venv");
        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine);

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(Path.Combine(root, "venv-a"), task.VenvDirectory);
        Assert.AreEqual(Path.Combine(root, "venv-a", "bin", "python"), task.VenvPython);
        Assert.AreEqual(Path.Combine(root, "venv-a", "lib", "python3.12", "site-packages"), task.SitePackages);
        Assert.IsTrue(Directory.Exists(task.SitePackages));
        Assert.AreEqual(task.VenvDirectory, RunInVenv(task.VenvPython, "import sys; print(sys.prefix)"));
        Assert.AreEqual("False", RunInVenv(task.VenvPython, "import importlib.util; print(importlib.util.find_spec('pip') is not None)"),
            "without requirements the venv is made without pip, which is what makes it fast");

        // Anything that rebuilt the slot would delete this file.
        var marker = Path.Combine(task.VenvDirectory, "marker");
        File.WriteAllText(marker, "");
        var config = File.GetLastWriteTimeUtc(Path.Combine(task.VenvDirectory, "pyvenv.cfg"));
        var again = new FakeBuildEngine();
        var second = NewTask(python, root, again);

        Assert.IsTrue(second.Execute(), again.ErrorText);

        Assert.IsTrue(File.Exists(marker));
        Assert.AreEqual(config, File.GetLastWriteTimeUtc(Path.Combine(task.VenvDirectory, "pyvenv.cfg")));
        Assert.AreEqual(task.VenvDirectory, second.VenvDirectory);
        StringAssert.Contains(again.MessageText, "up to date");
        Assert.IsFalse(again.MessageText.Contains("Creating Python venv"), again.MessageText);
    }

    [TestMethod]
    public void RequirementsInstallRebuildInTheOtherSlotAndFailuresKeepTheGoodVenv()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var wheels = temp.Combine("wheels");
        TestWheel.Build(wheels, "csnakes_alpha", "1.0", "VALUE = 'alpha'\n");
        TestWheel.Build(wheels, "csnakes_beta", "2.0", "VALUE = 'beta'\n");
        var root = temp.Combine("obj", "venv");
        var requirements = temp.WriteFile("requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_alpha==1.0\n");

        // 1. First build installs from requirements.txt (pip options inside the file are honoured).
        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine, requirements);
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        Assert.AreEqual(Path.Combine(root, "venv-a"), task.VenvDirectory);
        Assert.AreEqual("alpha", RunInVenv(task.VenvPython, "import csnakes_alpha; print(csnakes_alpha.VALUE)"));
        Assert.IsTrue(engine.Messages.Any(m => m.Importance == MessageImportance.Normal && m.Message?.Contains("Successfully installed") == true && m.Message.Contains("alpha")),
            "pip's own output is in the build log at normal verbosity");

        // 2. Changed requirements: rebuilt in the other slot, pointer moved.
        File.WriteAllText(requirements, $"--no-index\n--find-links {wheels}\ncsnakes_alpha==1.0\ncsnakes_beta==2.0\n");
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, requirements);
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        Assert.AreEqual(Path.Combine(root, "venv-b"), task.VenvDirectory);
        Assert.AreEqual("venv-b", File.ReadAllText(Path.Combine(root, "current")));
        Assert.AreEqual("alpha beta", RunInVenv(task.VenvPython, "import csnakes_alpha, csnakes_beta; print(csnakes_alpha.VALUE, csnakes_beta.VALUE)"));

        // 3. A requirement that cannot be met: CSPY1002 at its line; the previous venv stays current and works.
        File.WriteAllText(requirements, $"--no-index\n--find-links {wheels}\ncsnakes_alpha==1.0\ndoesnotexist==1.0\n");
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, requirements);
        Assert.IsFalse(task.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1002", error.Code);
        Assert.AreEqual(requirements, error.File);
        Assert.AreEqual(4, error.LineNumber);
        StringAssert.Contains(error.Message, "doesnotexist");
        Assert.AreEqual(Path.Combine(root, "venv-b"), task.VenvDirectory);
        Assert.AreEqual("venv-b", File.ReadAllText(Path.Combine(root, "current")));
        Assert.AreEqual("beta", RunInVenv(task.VenvPython, "import csnakes_beta; print(csnakes_beta.VALUE)"));

        // 4. Undoing the change goes back to the good venv without building anything.
        File.WriteAllText(requirements, $"--no-index\n--find-links {wheels}\ncsnakes_alpha==1.0\ncsnakes_beta==2.0\n");
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, requirements);
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(Path.Combine(root, "venv-b"), task.VenvDirectory);
        StringAssert.Contains(engine.MessageText, "up to date");
    }

    [TestMethod]
    public void SeveralRequirementsFilesAreResolvedTogether()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var wheels = temp.Combine("wheels");
        TestWheel.Build(wheels, "csnakes_alpha", "1.0", "VALUE = 'one'\n");
        TestWheel.Build(wheels, "csnakes_alpha", "2.0", "VALUE = 'two'\n");
        TestWheel.Build(wheels, "csnakes_beta", "1.0", "VALUE = 'beta'\n");
        var root = temp.Combine("obj", "venv");
        var mine = temp.WriteFile("requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_alpha==1.0\n");
        var library = temp.WriteFile("lib/requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_beta==1.0\n");
        var contradicting = temp.WriteFile("other/requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_alpha==2.0\n");

        // Compatible files: both installed into the one venv.
        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine, mine, library);
        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);
        Assert.AreEqual("one beta", RunInVenv(task.VenvPython, "import csnakes_alpha, csnakes_beta; print(csnakes_alpha.VALUE, csnakes_beta.VALUE)"));

        // Contradicting pins: one pip run sees both and fails, rather than the later file silently winning.
        engine = new FakeBuildEngine();
        task = NewTask(python, root, engine, mine, contradicting);
        Assert.IsFalse(task.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1002", error.Code);
        StringAssert.Contains(error.Message, $"the requirements of {mine} and {contradicting} together");
        StringAssert.Contains(error.Message, "must not contradict each other");
        Assert.AreEqual("one beta", RunInVenv(task.VenvPython, "import csnakes_alpha, csnakes_beta; print(csnakes_alpha.VALUE, csnakes_beta.VALUE)"),
            "the previous venv stays in use");
    }

    [TestMethod]
    public void WithoutAUsableBasePipPipIsBootstrappedIntoTheVenv()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var wheels = temp.Combine("wheels");
        TestWheel.Build(wheels, "csnakes_gamma", "1.0", "VALUE = 'gamma'\n");
        var requirements = temp.WriteFile("requirements.txt", "csnakes_gamma==1.0\n");
        var engine = new FakeBuildEngine();
        var task = NewTask(python, temp.Combine("venv"), engine, requirements);
        task.AllowBasePip = false;
        task.PipArguments = $"--no-index --find-links \"{wheels}\"";

        Assert.IsTrue(task.Execute(), engine.ErrorText + engine.MessageText);

        StringAssert.Contains(engine.MessageText, "installing pip into the venv");
        Assert.AreEqual("gamma", RunInVenv(task.VenvPython, "import csnakes_gamma; print(csnakes_gamma.VALUE)"));
    }

    [TestMethod]
    public void CancelKillsTheChildAndNeverSwitchesThePointer()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var root = temp.Combine("venv");
        var engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine);
        var cancelled = false;
        // Cancel as soon as the task says it is creating the venv: the venv process is then killed.
        engine.MessageLogged += message =>
        {
            if (!cancelled && message.Contains("Creating Python venv"))
            {
                cancelled = true;
                task.Cancel();
            }
        };

        Assert.IsFalse(task.Execute());

        Assert.IsTrue(cancelled);
        Assert.IsFalse(File.Exists(Path.Combine(root, "current")), "a canceled build never switches the pointer");
        Assert.IsFalse(File.Exists(Path.Combine(root, "venv-a.stamp")));
    }

    [TestMethod]
    public void FailedVenvCreationIsCSPY1001()
    {
        if (!File.Exists("/bin/false"))
        {
            Assert.Inconclusive("/bin/false is needed as an interpreter that fails.");
        }
        using var temp = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = NewTask("/bin/false", temp.Combine("venv"), engine);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1001", error.Code);
        Assert.AreEqual("/src/Lib/Lib.csproj", error.File);
        StringAssert.Contains(error.Message, "exited with code 1");
        Assert.AreEqual("", task.VenvDirectory, "there is no previous good venv to point at");
    }

    [TestMethod]
    public void ALockedVenvRootTimesOutWithCSPY1003()
    {
        using var temp = new TempDirectory();
        var root = temp.CreateDirectory("venv");
        using var held = VenvLock.Acquire(root, TimeSpan.Zero, () => { }, CancellationToken.None);
        Assert.IsNotNull(held);
        var engine = new FakeBuildEngine();
        var task = NewTask(temp.WriteFile("python3"), root, engine);
        task.LockTimeout = TimeSpan.FromMilliseconds(300);

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("CSPY1003", engine.Errors.Single().Code);
        StringAssert.Contains(engine.MessageText, "Waiting for another build");
    }

    [TestMethod]
    public void MissingRequirementsFileIsCSPY1004()
    {
        using var temp = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = NewTask(temp.WriteFile("python3"), temp.Combine("venv"), engine, temp.Combine("requirements.txt"));

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1004", error.Code);
        StringAssert.Contains(error.Message, temp.Combine("requirements.txt"));
    }

    [TestMethod]
    public void MissingBaseInterpreterIsCSPY1005()
    {
        using var temp = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = NewTask(temp.Combine("nope"), temp.Combine("venv"), engine);

        Assert.IsFalse(task.Execute());
        Assert.AreEqual("CSPY1005", engine.Errors.Single().Code);
    }

    [TestMethod]
    public void UnclosedQuoteInPipArgumentsIsCSPY1006()
    {
        using var temp = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = NewTask(temp.WriteFile("python3"), temp.Combine("venv"), engine);
        task.PipArguments = "--find-links \"/wheels";

        Assert.IsFalse(task.Execute());
        Assert.AreEqual("CSPY1006", engine.Errors.Single().Code);
    }
}
