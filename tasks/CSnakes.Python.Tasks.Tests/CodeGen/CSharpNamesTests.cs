using CSnakes.Python.Tasks.CodeGen;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

[TestClass]
public sealed class CSharpNamesTests
{
    [TestMethod]
    [DataRow("predict", "Predict")]
    [DataRow("moving_average", "MovingAverage")]
    [DataRow("get_HTTP_code", "GetHTTPCode")]
    [DataRow("predict2_days", "Predict2Days")]
    [DataRow("camelCase", "CamelCase")]
    [DataRow("trailing_", "Trailing")]
    public void FunctionNamesArePascalCased(string python, string expected) =>
        Assert.AreEqual(expected, CSharpNames.ToPascalCase(python));

    [TestMethod]
    [DataRow("window_size", "windowSize")]
    [DataRow("x", "x")]
    [DataRow("HTTP_code", "hTTPCode")]
    [DataRow("__private", "private")]
    [DataRow("_", "")]
    public void ParameterNamesAreCamelCased(string python, string expected) =>
        Assert.AreEqual(expected, CSharpNames.ToCamelCase(python));

    [TestMethod]
    [DataRow("class", "@class")]
    [DataRow("object", "@object")]
    [DataRow("params", "@params")]
    [DataRow("string", "@string")]
    [DataRow("var", "var")]
    [DataRow("async", "async")]
    [DataRow("value", "value")]
    public void KeywordsAreEscaped(string name, string expected) =>
        Assert.AreEqual(expected, CSharpNames.Escape(name));

    [TestMethod]
    [DataRow("forecast", "Forecast")]
    [DataRow("stats.smoothing", "StatsSmoothing")]
    [DataRow("my_pkg.data_io", "MyPkgDataIo")]
    public void ModuleAccessorDropsDotsAndPascalCases(string module, string expected)
    {
        var accessor = CSharpNames.ModuleAccessor(module);
        Assert.AreEqual(expected, accessor);
        Assert.AreEqual("I" + expected, CSharpNames.InterfaceName(accessor));
        Assert.AreEqual(expected + "Module", CSharpNames.TypesClassName(accessor));
        Assert.AreEqual(expected + "ModuleImplementation", CSharpNames.ImplementationName(accessor));
        Assert.AreEqual(expected + "ModuleExtensions", CSharpNames.ExtensionsClassName(accessor));
    }
}
