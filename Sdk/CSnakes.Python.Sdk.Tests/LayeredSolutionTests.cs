namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/Layered: App → Mid → Inner (plain class libraries) → PyLib (a Python project). Published with a
/// runtime identifier, the Python project is built both with the RID (a transitive reference of the app) and
/// without it (through the RID-agnostic libraries); the publish must still carry one manifest and run.
/// </summary>
[TestClass]
public sealed class LayeredSolutionTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(false, DisplayName = "framework-dependent, -r linux-x64")]
    [DataRow(true, DisplayName = "self-contained, -r linux-x64")]
    public void AnAppReachingPythonThroughTwoClassLibrariesPublishesWithARidAndRunsWithPythonHidden(bool selfContained)
    {
        var workspace = E2EEnvironment.CreateWorkspace("Layered");
        var output = Path.Combine(workspace, "published");

        var publish = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", $"--self-contained={selfContained.ToString().ToLowerInvariant()}", "-o", output, "-nodeReuse:false");
        TestContext.WriteLine(publish.ToString());
        Assert.AreEqual(0, publish.ExitCode, "publish failed");
        Assert.AreEqual(1, Directory.GetFiles(output, "*.csnakes.json").Length);

        var run = selfContained
            ? PublishHiddenPython.Run(output, Path.Combine(output, "App"))
            : PublishHiddenPython.Run(output, "dotnet", "App.dll");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "python reached through 2 class libraries");
    }
}
