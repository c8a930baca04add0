namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class BuildAndRunTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void BuildThenRunCallsPythonIncludingSubmodulesAndTheInstalledWheel()
    {
        var built = BuiltWheelScenario.Get();
        TestContext.WriteLine(built.FirstBuild.ToString());
        Assert.AreEqual(0, built.FirstBuild.ExitCode, "first build failed");

        var run = DotNetCli.Run(built.Directory, "run", "--project", "ConsoleApp", "--no-build");
        TestContext.WriteLine(run.ToString());

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "greet: Hello, e2e!");
        StringAssert.Contains(run.Output, "shout: HI HI");
        StringAssert.Contains(run.Output, "wheel: 42");
    }

    [TestMethod]
    public void PythonFilesAndManifestReachTheAppOutputButGeneratedCodeDoesNot()
    {
        var built = BuiltWheelScenario.Get();
        Assert.AreEqual(0, built.FirstBuild.ExitCode, built.FirstBuild.ToString());
        var bin = built.AppOutputDirectory;

        Assert.IsTrue(File.Exists(Path.Combine(bin, "greetings.py")), "greetings.py missing from the app's bin");
        Assert.IsTrue(File.Exists(Path.Combine(bin, "tools", "text.py")), "tools/text.py missing from the app's bin");
        Assert.IsTrue(File.Exists(Path.Combine(bin, "PyLib.csnakes.json")), "manifest missing from the app's bin");
        Assert.AreEqual(0, Directory.GetFiles(bin, "*.g.cs", SearchOption.AllDirectories).Length, "generated code was copied to bin");

        var generated = Path.Combine(built.Directory, "PyLib", "obj", "Debug", "net10.0", "python", "generated");
        Assert.IsTrue(File.Exists(Path.Combine(generated, "greetings.g.cs")));
        Assert.IsTrue(File.Exists(Path.Combine(generated, "tools.text.g.cs")));
    }
}
