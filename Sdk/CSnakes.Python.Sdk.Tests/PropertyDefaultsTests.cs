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
