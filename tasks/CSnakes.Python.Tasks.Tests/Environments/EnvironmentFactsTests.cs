using CSnakes.Python.Tasks;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Environments;

/// <summary>What a real venv's interpreter reports (environment_facts.py), and the tasks built on it.</summary>
[TestClass]
public sealed class EnvironmentFactsTests
{
    private const string Version = "3.12.1";

    [TestMethod]
    public void SystemSitePackagesVenvListsItsOwnSiteThenTheBase()
    {
        var basePython = TestPythons.RequirePyenv(Version);
        using var root = new TempDirectory();
        var venv = MakeVenv(basePython, root.Combine("venv"), systemSite: true);

        var task = new ReadPythonSiteDirectories { BuildEngine = new FakeBuildEngine(), Python = Path.Combine(venv, "bin", "python") };
        Assert.IsTrue(task.Execute());

        var sites = task.SiteDirectories.Select(i => i.ItemSpec).ToList();
        Assert.AreEqual(2, sites.Count, string.Join(", ", sites));
        Assert.AreEqual(Path.Combine(venv, "lib", "python3.12", "site-packages"), sites[0]);
        StringAssert.EndsWith(sites[1], Path.Combine("versions", Version, "lib", "python3.12", "site-packages"));
    }

    [TestMethod]
    public void IsolatedVenvListsOnlyItsOwnSite()
    {
        var basePython = TestPythons.RequirePyenv(Version);
        using var root = new TempDirectory();
        var venv = MakeVenv(basePython, root.Combine("venv"), systemSite: false);

        var task = new ReadPythonSiteDirectories { BuildEngine = new FakeBuildEngine(), Python = Path.Combine(venv, "bin", "python") };
        Assert.IsTrue(task.Execute());

        CollectionAssert.AreEqual(new[] { Path.Combine(venv, "lib", "python3.12", "site-packages") }, task.SiteDirectories.Select(i => i.ItemSpec).ToArray());
    }

    [TestMethod]
    public void RequirementsMissingFromTheEnvironmentAreWarnedAtTheirLines()
    {
        var basePython = TestPythons.RequirePyenv(Version);
        using var root = new TempDirectory();
        var venv = MakeVenv(basePython, root.Combine("venv"), systemSite: false);
        // An installed distribution as importlib.metadata reads it; its name written the way its author did.
        root.WriteFile("venv/lib/python3.12/site-packages/Foo_Bar-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: Foo_Bar\nVersion: 1.0\n");
        var requirements = root.WriteFile("requirements.txt", "# data\nfoo.bar>=1.0\n--index-url https://example.invalid/simple\n\nnot-there[extra]==2 ; python_version > '3'\n");
        var engine = new FakeBuildEngine();
        var task = new CheckEnvironmentRequirements
        {
            BuildEngine = engine,
            EnvironmentPython = Path.Combine(venv, "bin", "python"),
            EnvironmentDirectory = venv,
            RequirementsFiles = [new TaskItem(requirements)],
        };

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var warning = engine.Warnings.Single();
        Assert.AreEqual("CSPY1012", warning.Code);
        Assert.AreEqual(requirements, warning.File);
        Assert.AreEqual(5, warning.LineNumber);
        StringAssert.Contains(warning.Message, "'not-there'");
        Assert.IsFalse(task.AllInstalled);

        File.WriteAllText(requirements, "Foo-Bar\n");
        var again = new CheckEnvironmentRequirements { BuildEngine = new FakeBuildEngine(), EnvironmentPython = task.EnvironmentPython, EnvironmentDirectory = venv, RequirementsFiles = task.RequirementsFiles };
        Assert.IsTrue(again.Execute());
        Assert.IsTrue(again.AllInstalled);
    }

    [TestMethod]
    public void InterpreterThatCannotRunIsACodedErrorNotACrash()
    {
        using var root = new TempDirectory();
        var engine = new FakeBuildEngine();
        var task = new ReadPythonSiteDirectories { BuildEngine = engine, Python = root.Combine("gone", "bin", "python"), ProjectFile = root.Combine("Lib.csproj") };

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("CSPY1011", engine.Errors.Single().Code);
        StringAssert.Contains(engine.Errors.Single().Message, "gone");
    }

    private static string MakeVenv(string basePython, string directory, bool systemSite)
    {
        string[] arguments = systemSite ? ["-I", "-m", "venv", "--without-pip", "--system-site-packages", directory] : ["-I", "-m", "venv", "--without-pip", directory];
        var result = ProcessRunner.Run(basePython, arguments, new ProcessRunOptions { Timeout = TimeSpan.FromMinutes(1) });
        Assert.IsTrue(result.Succeeded, result.StandardError);
        return directory;
    }
}
