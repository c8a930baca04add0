using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// MSBuild turns environment variables into properties case-insensitively: the shell's PYTHONHOME and
/// PYTHONEXECUTABLE must not become the project's PythonHome/PythonExecutable (targets/CSnakes.Python.Environment.props).
/// </summary>
[TestClass]
public sealed class ShellEnvironmentTests
{
    public TestContext TestContext { get; set; } = null!;

    private static Dictionary<string, string?> GarbageEnvironment(string workspace) => new()
    {
        ["PYTHONHOME"] = Path.Combine(workspace, "no-python-home"),
        ["PYTHONEXECUTABLE"] = Path.Combine(workspace, "no-python-home", "bin", "python3"),
    };

    [TestMethod]
    public void ShellPythonHomeAndExecutableNeitherPinNorBreakTheBuild()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var environment = GarbageEnvironment(workspace);
        Directory.CreateDirectory(environment["PYTHONHOME"]!); // exists, but holds no interpreter: CSPY0002 if it pinned

        var build = DotNetCli.RunWithEnvironment(workspace, environment, "build", "ConsoleApp");
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, build.ToString());

        var run = DotNetCli.RunWithEnvironment(workspace, environment, "run", "--project", "ConsoleApp", "--no-build");
        TestContext.WriteLine(run.ToString());
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "greet: Hello, e2e!");
    }

    [TestMethod]
    public void TheShellVariablesDoNotBecomeProperties()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");

        var result = DotNetCli.RunWithEnvironment(workspace, GarbageEnvironment(workspace),
            "msbuild", "PyLib", "-nodeReuse:false", "-getProperty:PythonHome", "-getProperty:PythonExecutable");
        TestContext.WriteLine(result.ToString());

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var properties = JsonDocument.Parse(result.Output).RootElement.GetProperty("Properties");
        Assert.AreEqual("", properties.GetProperty("PythonHome").GetString());
        Assert.AreEqual("", properties.GetProperty("PythonExecutable").GetString());
    }

    [TestMethod]
    public void ACommandLinePythonHomeStillPinsEvenWhenTheShellHasTheSameValue()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var environment = GarbageEnvironment(workspace);
        var home = environment["PYTHONHOME"]!;
        Directory.CreateDirectory(home);

        var build = DotNetCli.RunWithEnvironment(workspace, environment, "build", "PyLib", $"-p:PythonHome={home}");
        TestContext.WriteLine(build.ToString());

        Assert.AreNotEqual(0, build.ExitCode, "a PythonHome with no interpreter in it was not used");
        StringAssert.Contains(build.Output, "CSPY0002");
        StringAssert.Contains(build.Output, home);
    }

    [TestMethod]
    public void APythonHomeSetInTheProjectStillPins()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var environment = GarbageEnvironment(workspace);
        var home = environment["PYTHONHOME"]!;
        Directory.CreateDirectory(home);
        var project = Path.Combine(workspace, "PyLib", "PyLib.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</PropertyGroup>", $"    <PythonHome>{home}</PythonHome>\n  </PropertyGroup>"));

        var build = DotNetCli.RunWithEnvironment(workspace, environment, "build", "PyLib");
        TestContext.WriteLine(build.ToString());

        Assert.AreNotEqual(0, build.ExitCode, "the project's PythonHome was dropped because the shell has the same value");
        StringAssert.Contains(build.Output, "CSPY0002");
    }
}
