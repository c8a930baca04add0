namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// PythonSystemSitePackages and PythonPackageInstaller through MSBuild: both are build inputs of the venv (a change
/// reruns the venv task, no change skips it), and the switch reaches the venv.
/// </summary>
[TestClass]
public sealed class VenvSettingsTests
{
    public TestContext TestContext { get; set; } = null!;

    private DotNetResult Build(string workspace, params string[] properties)
    {
        var result = DotNetCli.Run(workspace, ["build", "PyLib", "-nodeReuse:false", "-v:d", .. properties]);
        TestContext.WriteLine(result.ToString());
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result;
    }

    private static string CurrentVenvConfig(string workspace)
    {
        var root = Path.Combine(workspace, "PyLib", "obj", "python", "venv");
        return File.ReadAllText(Path.Combine(root, File.ReadAllText(Path.Combine(root, "current")).Trim(), "pyvenv.cfg"));
    }

    [TestMethod]
    public void FlippingSystemSitePackagesRebuildsTheVenvAndNoChangeSkipsIt()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        Build(workspace);
        StringAssert.Contains(CurrentVenvConfig(workspace), "include-system-site-packages = false");

        var on = Build(workspace, "-p:PythonSystemSitePackages=true");
        StringAssert.Contains(on.Output, "Creating Python venv");
        StringAssert.Contains(CurrentVenvConfig(workspace), "include-system-site-packages = true");

        var again = Build(workspace, "-p:PythonSystemSitePackages=true");
        StringAssert.Contains(again.Output, "Skipping target \"_CSnakesCreateVenvCore\" because all output files are up-to-date");

        // A new installer setting reruns the task, which decides from its own hash: the same venv when auto had
        // picked pip too (no uv on PATH), else a rebuild with pip.
        var pip = Build(workspace, "-p:PythonSystemSitePackages=true", "-p:PythonPackageInstaller=pip");
        StringAssert.Contains(pip.Output, "Task \"CreatePythonVenv\"");
        Assert.IsTrue(pip.Output.Contains("is up to date") || pip.Output.Contains("Python packages are installed with pip: PythonPackageInstaller=pip."), pip.Output);
        StringAssert.Contains(CurrentVenvConfig(workspace), "include-system-site-packages = true");
    }
}
