namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class IncrementalBuildTests
{
    [TestMethod]
    public void NoChangeBuildSkipsVenvAndCodeGeneration()
    {
        var built = BuiltWheelScenario.Get();
        Assert.AreEqual(0, built.FirstBuild.ExitCode, built.FirstBuild.ToString());
        // Settle first: another test may have run in this workspace since its first build.
        Assert.AreEqual(0, DotNetCli.Run(built.Directory, "build", "ConsoleApp", "-nodeReuse:false").ExitCode);

        var second = DotNetCli.Run(built.Directory, "build", "ConsoleApp", "-nodeReuse:false", "-v:d");

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        StringAssert.Contains(second.Output, "Skipping target \"_CSnakesCreateVenvCore\" because all output files are up-to-date");
        StringAssert.Contains(second.Output, "Skipping target \"_CSnakesGenerateWrappersCore\" because all output files are up-to-date");
        Assert.IsFalse(second.Output.Contains("Task \"CreatePythonVenv\""), "the venv task ran on a no-change build");
        Assert.IsFalse(second.Output.Contains("Task \"GeneratePythonWrappers\""), "code generation ran on a no-change build");
    }

    [TestMethod]
    public void ATouchedModuleIsReadAgainButUnchangedWrappersAreNotRewritten()
    {
        var built = BuiltWheelScenario.Get();
        Assert.AreEqual(0, built.FirstBuild.ExitCode, built.FirstBuild.ToString());
        Assert.AreEqual(0, DotNetCli.Run(built.Directory, "build", "PyLib", "-nodeReuse:false").ExitCode);
        var generated = Path.Combine(built.Directory, "PyLib", "obj", "Debug", "net10.0", "python", "generated");
        var before = Directory.GetFiles(generated, "*.g.cs").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        File.SetLastWriteTimeUtc(Path.Combine(built.Directory, "PyLib", "greetings.py"), DateTime.UtcNow);

        var build = DotNetCli.Run(built.Directory, "build", "PyLib", "-nodeReuse:false", "--no-restore", "-v:d");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        // Modules may re-export each other, so every module is read again; no signature changed, so nothing is rewritten.
        StringAssert.Contains(build.Output, "Task \"GeneratePythonWrappers\"");
        StringAssert.Contains(build.Output, "Skipping target \"_CSnakesCreateVenvCore\"");
        StringAssert.Contains(build.Output, "Skipping target \"CoreCompile\" because all output files are up-to-date");
        foreach (var (file, time) in before)
        {
            Assert.AreEqual(time, File.GetLastWriteTimeUtc(file), $"{Path.GetFileName(file)} was rewritten although its text did not change");
        }
    }
}
