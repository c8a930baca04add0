using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests.Environments;

/// <summary>ResolvePythonEnvironment over environments laid out under a temp root (files only: it runs no Python).</summary>
[TestClass]
public sealed class ResolvePythonEnvironmentTests
{
    [TestMethod]
    public void VenvFolderIsAVenvWithItsOwnInterpreter()
    {
        using var root = new TempDirectory();
        root.WriteFile("users-venv/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = true\n");
        var python = root.WriteFile("users-venv/bin/python");

        var (task, engine) = NewTask(root, environment: root.Combine("users-venv"));

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual("Venv", task.EnvironmentKind);
        Assert.AreEqual(root.Combine("users-venv"), task.EnvironmentDirectory);
        Assert.AreEqual(python, task.EnvironmentPython);
    }

    [TestMethod]
    public void CondaFolderIsABaseInstallation()
    {
        using var root = new TempDirectory();
        root.CreateDirectory("envs/ds/conda-meta");
        var python = root.WriteFile("envs/ds/bin/python3");

        var (task, engine) = NewTask(root, environment: root.Combine("envs", "ds"));

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual("Conda", task.EnvironmentKind);
        Assert.AreEqual(python, task.EnvironmentPython);
    }

    [TestMethod]
    public void PlainPrefixIsAccepted()
    {
        using var root = new TempDirectory();
        root.WriteFile("prefix/bin/python3");

        var (task, engine) = NewTask(root, environment: root.Combine("prefix"));

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual("Prefix", task.EnvironmentKind);
    }

    [TestMethod]
    public void CondaNameIsFoundInCondaEnvsPath()
    {
        using var root = new TempDirectory();
        root.CreateDirectory("somewhere/envs/ds/conda-meta");
        var python = root.WriteFile("somewhere/envs/ds/bin/python3");

        var (task, engine) = NewTask(root, conda: "ds", variables: new Dictionary<string, string> { ["CONDA_ENVS_PATH"] = root.Combine("elsewhere") + Path.PathSeparator + root.Combine("somewhere", "envs") });

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(python, task.EnvironmentPython);
    }

    [TestMethod]
    public void CondaNameIsFoundUnderTheInstallationOfCondaExe()
    {
        using var root = new TempDirectory();
        root.WriteFile("miniforge3/bin/conda");
        root.CreateDirectory("miniforge3/conda-meta");
        var basePython = root.WriteFile("miniforge3/bin/python3");
        root.CreateDirectory("miniforge3/envs/ds/conda-meta");
        var envPython = root.WriteFile("miniforge3/envs/ds/bin/python3");
        var variables = new Dictionary<string, string> { ["CONDA_EXE"] = root.Combine("miniforge3", "bin", "conda") };

        var (named, namedEngine) = NewTask(root, conda: "ds", variables: variables);
        var (baseTask, baseEngine) = NewTask(root, conda: "base", variables: variables);

        Assert.IsTrue(named.Execute(), namedEngine.ErrorText);
        Assert.AreEqual(envPython, named.EnvironmentPython);
        Assert.IsTrue(baseTask.Execute(), baseEngine.ErrorText);
        Assert.AreEqual(basePython, baseTask.EnvironmentPython);
    }

    [TestMethod]
    public void CondaNameIsFoundInTheListCondaKeeps()
    {
        using var root = new TempDirectory();
        root.CreateDirectory("projects/analysis/.env/conda-meta");
        root.WriteFile("projects/analysis/.env/bin/python3");
        root.CreateDirectory("other/analysis/conda-meta");
        var python = root.WriteFile("other/analysis/bin/python3");
        root.WriteFile("home/.conda/environments.txt", root.Combine("projects", "analysis", ".env") + "\n\n" + root.Combine("other", "analysis") + "\n");

        var (task, engine) = NewTask(root, conda: "analysis");

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(python, task.EnvironmentPython);
    }

    [TestMethod]
    public void UnknownCondaNameIsCSPY1011ListingWhereItLooked()
    {
        using var root = new TempDirectory();
        var (task, engine) = NewTask(root, conda: "missing", variables: new Dictionary<string, string> { ["CONDA_ENVS_PATH"] = root.Combine("envs") });

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1011", error.Code);
        StringAssert.Contains(error.Message, "'missing'");
        StringAssert.Contains(error.Message, root.Combine("envs", "missing"));
        StringAssert.Contains(error.Message, Path.Combine(root.Combine("home"), ".conda", "environments.txt"));
    }

    [TestMethod]
    [DataRow("nowhere", "does not exist")]
    [DataRow("empty", "neither a venv")]
    [DataRow("broken-venv", "no interpreter")]
    [DataRow("conda-without-python", "has no Python installed")]
    [DataRow("file.txt", "is a file")]
    public void FolderThatIsNoEnvironmentIsCSPY1011SayingWhy(string name, string reason)
    {
        using var root = new TempDirectory();
        root.CreateDirectory("empty");
        root.WriteFile("broken-venv/pyvenv.cfg", "home = /usr/bin\n");
        root.CreateDirectory("conda-without-python/conda-meta");
        root.WriteFile("file.txt");

        var (task, engine) = NewTask(root, environment: root.Combine(name));

        Assert.IsFalse(task.Execute());
        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1011", error.Code);
        StringAssert.Contains(error.Message, reason);
        Assert.AreEqual("", task.EnvironmentDirectory);
    }

    [TestMethod]
    public void EnvironmentWithPythonExecutableIsCSPY1013()
    {
        using var root = new TempDirectory();
        root.WriteFile("prefix/bin/python3");
        var (task, engine) = NewTask(root, environment: root.Combine("prefix"));
        task.PythonExecutable = "/usr/bin/python3";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1013", error.Code);
        StringAssert.Contains(error.Message, "PythonExecutable='/usr/bin/python3'");
    }

    [TestMethod]
    public void VenvInterpreterAsPythonExecutableWarnsCSPY0007()
    {
        using var root = new TempDirectory();
        root.WriteFile("users-venv/pyvenv.cfg", "home = /usr/bin\n");
        var venvPython = root.WriteFile("users-venv/bin/python");
        var basePython = root.WriteFile("base/bin/python3");

        var (inside, insideEngine) = NewTask(root);
        inside.PythonExecutable = venvPython;
        var (outside, outsideEngine) = NewTask(root);
        outside.PythonExecutable = basePython;

        Assert.IsTrue(inside.Execute());
        Assert.IsTrue(outside.Execute());
        var warning = insideEngine.Warnings.Single();
        Assert.AreEqual("CSPY0007", warning.Code);
        StringAssert.Contains(warning.Message, $"PythonEnvironment={root.Combine("users-venv")}");
        Assert.AreEqual(0, outsideEngine.Warnings.Count);
        Assert.AreEqual("", inside.EnvironmentDirectory, "A warning only: the build still makes its own venv from the base.");
    }

    private static (ResolvePythonEnvironment Task, FakeBuildEngine Engine) NewTask(TempDirectory root, string? environment = null, string? conda = null, IDictionary<string, string>? variables = null)
    {
        var engine = new FakeBuildEngine();
        var task = new ResolvePythonEnvironment
        {
            BuildEngine = engine,
            PythonEnvironment = environment,
            PythonCondaEnvironment = conda,
            ProjectFile = root.Combine("Lib.csproj"),
            Host = FakeHosts.Create(HostOs.Linux, root.Path, variables),
        };
        return (task, engine);
    }
}
