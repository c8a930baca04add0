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

    [TestMethod]
    public void WithDesignTimeCodegenOffTheWrappersOfTheLastBuildStay()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var build = DotNetCli.Run(workspace, "build", "PyLib", "-nodeReuse:false");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var wrapper = Path.Combine(workspace, "PyLib", "obj", "Debug", "net10.0", "python", "generated", "greetings.g.cs");
        Assert.IsTrue(File.Exists(wrapper), build.ToString());

        // No generation, but the wrappers are still predicted (the compiler's inputs), so none is deleted as stale.
        var designTime = DotNetCli.Run(workspace, "msbuild", "PyLib", "-t:CoreCompile", "-p:DesignTimeBuild=true",
            "-p:DisableCSnakesDesignTimeCodegen=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-nodeReuse:false", "-v:d");
        TestContext.WriteLine(designTime.ToString());

        Assert.AreEqual(0, designTime.ExitCode, designTime.ToString());
        Assert.IsFalse(designTime.Output.Contains("Task \"GeneratePythonWrappers\"", StringComparison.Ordinal), "codegen ran although it is off");
        Assert.IsTrue(File.Exists(wrapper), "a design-time build with codegen off deleted the wrappers of the last build");
        // CoreCompile (up to date here) lists its inputs: the wrapper is one.
        StringAssert.Contains(designTime.Output, "python/generated/greetings.g.cs");
    }
}
