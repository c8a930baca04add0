using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class PropertyDefaultsTests
{
    public TestContext TestContext { get; set; } = null!;

    private static readonly (string Name, string UserValue)[] s_userSettings =
    [
        ("PythonVenvRoot", "/tmp/custom-venvs/"),
        ("PythonGeneratedCodeDirectory", "/tmp/custom-generated/"),
        ("PythonManifestFileName", "custom.csnakes.json"),
        ("CSnakesPythonTasksAssembly", "/tmp/custom/CSnakes.Python.Tasks.dll"),
        ("CSnakesRuntimeVersion", "9.9.9-user"),
        ("PythonVersion", "[3.10,3.14)"),
    ];

    private JsonElement GetProperties(string workspace, params string[] extra)
    {
        string[] query = [.. s_userSettings.Select(s => $"-getProperty:{s.Name}"), "-getProperty:UsingCSnakesPythonSdk", "-getProperty:HookRan"];
        var result = DotNetCli.Run(workspace, ["msbuild", "PyLib", "-nodeReuse:false", .. query, .. extra]);
        TestContext.WriteLine(result.ToString());
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("Properties").Clone();
    }

    [TestMethod]
    public void DefaultsNeverOverrideWhatTheProjectSets()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var project = Path.Combine(workspace, "PyLib", "PyLib.csproj");
        var settings = string.Concat(s_userSettings.Select(s => $"    <{s.Name}>{s.UserValue}</{s.Name}>\n"));
        File.WriteAllText(project, File.ReadAllText(project).Replace("</PropertyGroup>", settings + "  </PropertyGroup>"));

        var properties = GetProperties(workspace);

        foreach (var (name, userValue) in s_userSettings)
        {
            Assert.AreEqual(userValue, properties.GetProperty(name).GetString(), $"the SDK overrode {name}");
        }
        Assert.AreEqual("true", properties.GetProperty("UsingCSnakesPythonSdk").GetString());
    }

    [TestMethod]
    public void DefaultsPointIntoObjAndThePackage()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");

        var properties = GetProperties(workspace);

        var obj = Path.Combine(workspace, "PyLib", "obj") + Path.DirectorySeparatorChar;
        StringAssert.StartsWith(properties.GetProperty("PythonVenvRoot").GetString(), obj);
        StringAssert.StartsWith(properties.GetProperty("PythonGeneratedCodeDirectory").GetString(), obj);
        Assert.AreEqual("PyLib.csnakes.json", properties.GetProperty("PythonManifestFileName").GetString());
        Assert.AreEqual(E2EEnvironment.Version, properties.GetProperty("CSnakesRuntimeVersion").GetString());
        Assert.IsTrue(File.Exists(properties.GetProperty("CSnakesPythonTasksAssembly").GetString()), "the packed task assembly is not where the targets look");
    }

    // MSBuildRuntimeType is reserved (no -p can fake it), so this sets the property the choice reads it through:
    // "Core" is what dotnet build reports, "Full" what Visual Studio's MSBuild.exe reports. That the real property
    // reaches it is checked only for Core, the one this machine runs.
    [TestMethod]
    [DataRow(null, "net8.0")]
    [DataRow("Core", "net8.0")]
    [DataRow("Full", "net472")]
    public void TasksAssemblyMatchesTheMSBuildRuntime(string? runtimeType, string folder)
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");

        var properties = GetProperties(workspace, runtimeType is null ? [] : [$"-p:_CSnakesMSBuildRuntimeType={runtimeType}"]);

        var assembly = properties.GetProperty("CSnakesPythonTasksAssembly").GetString()!;
        StringAssert.EndsWith(assembly, Path.Combine("tasks", folder, "CSnakes.Python.Tasks.dll"));
        Assert.IsTrue(File.Exists(assembly), $"{assembly} is not in the restored package");
    }

    [TestMethod]
    public void CustomAfterTargetsHookIsImported()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var hook = Path.Combine(workspace, "hook.targets");
        File.WriteAllText(hook, "<Project><PropertyGroup><HookRan>yes-$(UsingCSnakesPythonSdk)</HookRan></PropertyGroup></Project>");

        var properties = GetProperties(workspace, $"-p:CustomAfterCSnakesPythonSdkTargets={hook}");

        Assert.AreEqual("yes-true", properties.GetProperty("HookRan").GetString());
    }
}
