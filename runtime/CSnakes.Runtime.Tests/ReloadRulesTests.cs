using CSnakes.Modules;
using CSnakes.Runtime.Reload;

namespace CSnakes.Runtime.Tests;

/// <summary>When modules are reloaded, and which module a changed file is (the reload itself: Sdk HotReloadTests, under a real dotnet watch).</summary>
[TestClass]
public sealed class ReloadRulesTests
{
    private static readonly PythonEnvironmentOptions BuildOutput = new()
    {
        LibPythonPath = "/lib/libpython3.12.so",
        SourceRoots = [new SourceRoot("/app/bin", "/src/Lib")],
    };

    [TestMethod]
    [DataRow("counter.py", "counter")]
    [DataRow("stats/smoothing.py", "stats.smoothing")]
    [DataRow("stats/__init__.py", "stats")]
    [DataRow("a/b/c.py", "a.b.c")]
    public void FileMapsToItsDottedModule(string relative, string module) =>
        Assert.AreEqual(module, ModuleNaming.TryGetModuleName(relative, out _));

    [TestMethod]
    [DataRow("DOTNET_WATCH", "1", true)]
    [DataRow("DOTNET_ENVIRONMENT", "Development", true)]
    [DataRow("ASPNETCORE_ENVIRONMENT", "development", true)]
    [DataRow("ASPNETCORE_ENVIRONMENT", "Production", false)]
    [DataRow("OTHER", "1", false)]
    public void OnUnderDotnetWatchOrInDevelopment(string variable, string value, bool expected) =>
        Assert.AreEqual(expected, ReloadSettings.IsEnabled(BuildOutput, name => name == variable ? value : null));

    [TestMethod]
    public void NeverWithoutSourceFoldersAndTheOptionDecidesWhenSet()
    {
        var published = new PythonEnvironmentOptions(BuildOutput) { SourceRoots = [], ReloadModules = true };

        Assert.IsFalse(ReloadSettings.IsEnabled(published, _ => "1"), "A published app names no source folder.");
        Assert.IsFalse(ReloadSettings.IsEnabled(new PythonEnvironmentOptions(BuildOutput) { ReloadModules = false }, _ => "1"));
        Assert.IsTrue(ReloadSettings.IsEnabled(new PythonEnvironmentOptions(BuildOutput) { ReloadModules = true }, _ => null));
    }
}
