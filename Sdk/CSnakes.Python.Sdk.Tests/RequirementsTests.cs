namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class RequirementsTests
{
    public TestContext TestContext { get; set; } = null!;

    private DotNetResult Build(string workspace, params string[] extra)
    {
        var result = DotNetCli.Run(workspace, ["build", "ConsoleApp", "-nodeReuse:false", .. extra]);
        TestContext.WriteLine(result.ToString());
        return result;
    }

    private DotNetResult RunApp(string workspace)
    {
        var dll = Path.Combine(workspace, "ConsoleApp", "bin", "Debug", "net10.0", "ConsoleApp.dll");
        var result = DotNetCli.Run(workspace, dll);
        TestContext.WriteLine(result.ToString());
        return result;
    }

    private static void SetRequirement(string workspace, string requirement)
    {
        var file = Path.Combine(workspace, "PyLib", "requirements.txt");
        var lines = File.ReadAllLines(file).Select(l => l.StartsWith(TinyWheel.Name, StringComparison.Ordinal) ? requirement : l);
        File.WriteAllLines(file, lines);
    }

    [TestMethod]
    public void ChangedRequirementsRebuildTheVenvAndAFailingOneKeepsThePreviousVenv()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        Assert.AreEqual(0, Build(workspace).ExitCode, "first build failed");
        StringAssert.Contains(RunApp(workspace).Output, "wheel: 42");

        SetRequirement(workspace, "tinywheel==2.0");
        var upgraded = Build(workspace, "-v:d");
        Assert.AreEqual(0, upgraded.ExitCode, "build after the requirements change failed");
        Assert.IsFalse(upgraded.Output.Contains("Skipping target \"_CSnakesCreateVenvCore\""), "venv target was skipped after requirements.txt changed");
        StringAssert.Contains(RunApp(workspace).Output, "wheel: 43");

        SetRequirement(workspace, "tinywheel==9.9");
        var failed = Build(workspace);
        Assert.AreNotEqual(0, failed.ExitCode, "a requirement that cannot be installed must fail the build");
        StringAssert.Contains(failed.Output, "error CSPY1002");

        var stillRuns = RunApp(workspace);
        Assert.AreEqual(0, stillRuns.ExitCode, "the previous build's app must keep working with the previous venv");
        StringAssert.Contains(stillRuns.Output, "wheel: 43");
    }
}
