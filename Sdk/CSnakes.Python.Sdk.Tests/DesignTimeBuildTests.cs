namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class DesignTimeBuildTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void DesignTimeBuildGeneratesCodeButCreatesNoVenv()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var restore = DotNetCli.Run(workspace, "restore", "PyLib", "-nodeReuse:false");
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());

        // What an IDE does to get the compiler's command line (simulated, as CPS would).
        var designTime = DotNetCli.Run(workspace, "msbuild", "PyLib", "-t:CoreCompile", "-p:DesignTimeBuild=true",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-nodeReuse:false", "-v:n");
        TestContext.WriteLine(designTime.ToString());

        Assert.AreEqual(0, designTime.ExitCode, designTime.ToString());
        Assert.IsFalse(Directory.Exists(Path.Combine(workspace, "PyLib", "obj", "python", "venv")), "a design-time build created a venv");
        Assert.IsTrue(File.Exists(Path.Combine(workspace, "PyLib", "obj", "Debug", "net10.0", "python", "generated", "greetings.g.cs")),
            "design-time build did not generate the wrappers IntelliSense needs");
    }
}
