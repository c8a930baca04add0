using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class ItemsTests
{
    public TestContext TestContext { get; set; } = null!;

    private string[] GetItems(string workspace, string project, string itemType)
    {
        var result = DotNetCli.Run(workspace, "msbuild", project, $"-getItem:{itemType}", "-nodeReuse:false");
        TestContext.WriteLine(result.ToString());
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("Items").TryGetProperty(itemType, out var items)
            ? items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).Order().ToArray()
            : [];
    }

    private static void Touch(string workspace, string relativePath)
    {
        var path = Path.Combine(workspace, "PyLib", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x = 1\n");
    }

    [TestMethod]
    public void PythonFilesAreFoundButNotInBinObjVenvsOrCaches()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        Touch(workspace, "bin/Debug/net10.0/greetings.py");
        Touch(workspace, "obj/python/venv/a/lib/python3.12/site-packages/six.py");
        Touch(workspace, ".venv/lib/site.py");
        Touch(workspace, "venv/lib/site.py");
        Touch(workspace, "__pycache__/cached.py");
        Touch(workspace, "tools/__pycache__/cached.py");
        Touch(workspace, "stubs.pyi");

        CollectionAssert.AreEqual(
            new[] { "greetings.py", "stubs.pyi", "tools/__init__.py", "tools/text.py" },
            GetItems(workspace, "PyLib", "PythonFile"));
        CollectionAssert.AreEqual(new[] { "requirements.txt" }, GetItems(workspace, "PyLib", "PythonRequirements"));
        // Listed once, as Python items, not a second time by the .NET SDK's None glob.
        Assert.IsFalse(GetItems(workspace, "PyLib", "None").Any(i => i.EndsWith(".py", StringComparison.Ordinal) || i == "requirements.txt"));
    }

    [TestMethod]
    public void EnableDefaultPythonItemsFalseInTheProjectTurnsTheGlobsOff()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var project = Path.Combine(workspace, "PyLib", "PyLib.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "</PropertyGroup>", "  <EnableDefaultPythonItems>false</EnableDefaultPythonItems>\n  </PropertyGroup>"));

        Assert.AreEqual(0, GetItems(workspace, "PyLib", "PythonFile").Length);
        Assert.AreEqual(0, GetItems(workspace, "PyLib", "PythonRequirements").Length);
    }

    [TestMethod]
    public void ImplicitRuntimeReferenceUsesTheSdkVersionAndCanBeTurnedOff()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var withReference = DotNetCli.Run(workspace, "msbuild", "PyLib", "-getItem:PackageReference", "-nodeReuse:false");
        StringAssert.Contains(withReference.Output, "\"Version\": \"" + E2EEnvironment.Version + "\"");

        var without = DotNetCli.Run(workspace, "msbuild", "PyLib", "-getItem:PackageReference",
            "-p:DisableImplicitCSnakesRuntimeReference=true", "-nodeReuse:false");
        Assert.IsFalse(without.Output.Contains("CSnakes.Runtime"), without.ToString());
    }
}
