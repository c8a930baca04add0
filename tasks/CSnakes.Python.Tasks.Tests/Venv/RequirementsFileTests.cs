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
    public void CommentsAndBlanksAloneAreNoContent()
    {
        using var temp = new TempDirectory();
        Assert.IsFalse(RequirementsFile.HasContent(temp.WriteFile("a.txt", "# nothing yet\n\n   \n")));
        Assert.IsTrue(RequirementsFile.HasContent(temp.WriteFile("b.txt", "# one\nrequests\n")));
    }

    [TestMethod]
    public void HashFollowsIncludedFilesAndPipArguments()
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
    }
}
