using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class RequirementsFileTests
{
    [TestMethod]
    public void FindsTheLineOfTheRequirementPipCouldNotMeet()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("requirements.txt", "# deps\nnumpy>=2\n\nDoes_Not.Exist == 1.0 ; python_version > '3'\n");
        string[] pip =
        [
            "Looking in links: /w",
            "ERROR: Could not find a version that satisfies the requirement does-not-exist==1.0 (from versions: none)",
            "ERROR: No matching distribution found for does-not-exist==1.0",
        ];

        Assert.AreEqual(4, RequirementsFile.LineOfFailure(file, pip));
        Assert.AreEqual(0, RequirementsFile.LineOfFailure(file, ["ERROR: something else entirely"]));
    }

    [TestMethod]
    public void FindsTheLineOfTheRequirementUvCouldNotMeet()
    {
        using var temp = new TempDirectory();
        var file = temp.WriteFile("requirements.txt", "numpy>=2\ndoes-not-exist==1.0\n");
        // uv's wording (uv 0.4–0.5), which the fake uv of the task tests cannot produce.
        string[] uv =
        [
            "  × No solution found when resolving dependencies:",
            "  ╰─▶ Because does-not-exist was not found in the provided package locations and you require does-not-exist==1.0, we can conclude that your requirements are unsatisfiable.",
        ];

        Assert.AreEqual(2, RequirementsFile.LineOfFailure(file, uv));
    }

    [TestMethod]
    public void CommentsAndBlanksAloneAreNoContent()
    {
        using var temp = new TempDirectory();
        Assert.IsFalse(RequirementsFile.HasContent(temp.WriteFile("a.txt", "# nothing yet\n\n   \n")));
        Assert.IsTrue(RequirementsFile.HasContent(temp.WriteFile("b.txt", "# one\nrequests\n")));
    }

    [TestMethod]
    public void HashFollowsIncludedFilesPipArgumentsSystemSitePackagesAndInstaller()
    {
        using var temp = new TempDirectory();
        var python = temp.WriteFile("python3");
        var constraints = temp.WriteFile("sub/constraints.txt", "numpy<3\n");
        var requirements = temp.WriteFile("requirements.txt", "-c sub/constraints.txt\nnumpy\n");
        var before = VenvInputHash.Compute(python, "3.12.1", [requirements], []);

        Assert.AreEqual(before, VenvInputHash.Compute(python, "3.12.1", [requirements], []));
        File.WriteAllText(constraints, "numpy<2\n");
        var afterInclude = VenvInputHash.Compute(python, "3.12.1", [requirements], []);
        Assert.AreNotEqual(before, afterInclude);
        Assert.AreNotEqual(afterInclude, VenvInputHash.Compute(python, "3.12.1", [requirements], ["--pre"]));
        Assert.AreNotEqual(afterInclude, VenvInputHash.Compute(python, "3.12.2", [requirements], []));
        Assert.AreNotEqual(afterInclude, VenvInputHash.Compute(python, "3.12.1", [requirements], [], systemSitePackages: true));
        Assert.AreNotEqual(afterInclude, VenvInputHash.Compute(python, "3.12.1", [requirements], [], installer: "uv:/opt/uv/bin/uv"));
        Assert.AreNotEqual(VenvInputHash.Compute(python, "3.12.1", [requirements], [], installer: "uv:/opt/uv/bin/uv"),
            VenvInputHash.Compute(python, "3.12.1", [requirements], [], installer: "uv:/usr/local/bin/uv"));
    }
}
