using CSnakes.Modules;
using CSnakes.Python.Tasks.CodeGen;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

[TestClass]
public sealed class ModuleNamesTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "proj");

    [TestMethod]
    [DataRow("forecast.py", "forecast")]
    [DataRow("stats/smoothing.py", "stats.smoothing")]
    [DataRow("stats/__init__.py", "stats")]
    [DataRow("stats/smoothing.pyi", "stats.smoothing")]
    [DataRow("a/b/c.py", "a.b.c")]
    public void ModuleNameIsTheRelativePathDotted(string relative, string expected)
    {
        var name = ModuleNames.TryGetModuleName(Root, Path.Combine(Root, relative), out var problem);
        Assert.AreEqual(expected, name, problem);
    }

    [TestMethod]
    [DataRow("my-script.py", "not a valid Python identifier")]
    [DataRow("2fast.py", "not a valid Python identifier")]
    [DataRow("__init__.py", "project root")]
    [DataRow("../outside.py", "outside the project folder")]
    [DataRow("notes.txt", "not a .py or .pyi file")]
    public void UnimportablePathsHaveNoName(string relative, string expectedProblem)
    {
        var name = ModuleNames.TryGetModuleName(Root, Path.GetFullPath(Path.Combine(Root, relative)), out var problem);
        Assert.IsNull(name);
        StringAssert.Contains(problem, expectedProblem);
    }

    [TestMethod]
    [DataRow("_private", true)]
    [DataRow("stats._impl", true)]
    [DataRow("stats.smoothing", false)]
    public void PrivateModulesAreRecognised(string module, bool expected) =>
        Assert.AreEqual(expected, ModuleNaming.IsPrivate(module));
}
