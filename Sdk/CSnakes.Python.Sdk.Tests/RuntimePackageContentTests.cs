using System.IO.Compression;
using System.Xml.Linq;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// CSnakes.Runtime ships a net8.0 build for every app and a net10.0 build with the TensorSpan views of
/// buffers; only the latter may bring System.Numerics.Tensors along.
/// </summary>
[TestClass]
public sealed class RuntimePackageContentTests
{
    private static ZipArchive OpenRuntimePackage() =>
        ZipFile.OpenRead(Path.Combine(E2EEnvironment.Feed, $"CSnakes.Runtime.{E2EEnvironment.Version}.nupkg"));

    [TestMethod]
    [DataRow("lib/net8.0/CSnakes.Runtime.dll")]
    [DataRow("lib/net8.0/CSnakes.Runtime.xml")]
    [DataRow("lib/net10.0/CSnakes.Runtime.dll")]
    [DataRow("lib/net10.0/CSnakes.Runtime.xml")]
    public void RuntimePackageCarriesFile(string path)
    {
        using var package = OpenRuntimePackage();
        Assert.IsNotNull(package.GetEntry(path), $"{path} is missing from the runtime package");
    }

    [TestMethod]
    public void OnlyTheNet10BuildDependsOnSystemNumericsTensors()
    {
        using var package = OpenRuntimePackage();
        using var stream = package.GetEntry("CSnakes.Runtime.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group")
            .ToDictionary(
                g => (string)g.Attribute("targetFramework")!,
                g => g.Elements().Select(d => (string)d.Attribute("id")!).ToList());

        CollectionAssert.AreEquivalent(new[] { "net8.0", "net10.0" }, groups.Keys.ToList());
        CollectionAssert.DoesNotContain(groups["net8.0"], "System.Numerics.Tensors");
        CollectionAssert.Contains(groups["net10.0"], "System.Numerics.Tensors");
    }
}
