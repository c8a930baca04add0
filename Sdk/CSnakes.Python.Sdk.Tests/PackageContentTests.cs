using System.IO.Compression;

namespace CSnakes.Python.Sdk.Tests;

[TestClass]
public sealed class PackageContentTests
{
    private static ZipArchive OpenSdkPackage() =>
        ZipFile.OpenRead(Path.Combine(E2EEnvironment.Feed, $"CSnakes.Python.Sdk.{E2EEnvironment.Version}.nupkg"));

    [TestMethod]
    [DataRow("Sdk/Sdk.props")]
    [DataRow("Sdk/Sdk.targets")]
    [DataRow("targets/CSnakes.Python.Sdk.Version.props")]
    [DataRow("targets/CSnakes.Python.Items.props")]
    [DataRow("targets/CSnakes.Python.Items.targets")]
    [DataRow("targets/CSnakes.Python.Resolve.targets")]
    [DataRow("targets/CSnakes.Python.Venv.targets")]
    [DataRow("targets/CSnakes.Python.CodeGen.targets")]
    [DataRow("targets/CSnakes.Python.Manifest.targets")]
    [DataRow("targets/CSnakes.Python.Publish.targets")]
    [DataRow("targets/CSnakes.Python.Pack.targets")]
    [DataRow("targets/CSnakes.Python.Packages.targets")]
    [DataRow("buildTransitive/CSnakes.Python.Sdk.targets")]
    [DataRow("tasks/net8.0/CSnakes.Python.Tasks.dll")]
    // Without it the task silently binds to MSBuild's own NuGet.Versioning and breaks on other MSBuilds.
    [DataRow("tasks/net8.0/NuGet.Versioning.dll")]
    // ComputePythonBundle reads bundled ELF objects with it (MSBuild has no copy of its own to fall back on).
    [DataRow("tasks/net8.0/ELFSharp.dll")]
    [DataRow("tasks/net8.0/scripts/read_signatures.py")]
    [DataRow("tasks/net8.0/scripts/python_info.py")]
    // Visual Studio's MSBuild runs on .NET Framework and loads these (VisualStudioTasksTests checks what they reference).
    [DataRow("tasks/net472/CSnakes.Python.Tasks.dll")]
    [DataRow("tasks/net472/NuGet.Versioning.dll")]
    [DataRow("tasks/net472/ELFSharp.dll")]
    [DataRow("tasks/net472/scripts/read_signatures.py")]
    public void SdkPackageCarriesFile(string path)
    {
        using var package = OpenSdkPackage();
        Assert.IsNotNull(package.GetEntry(path), $"{path} is missing from the SDK package");
    }

    [TestMethod]
    public void SdkPackageIsAnMSBuildSdkWithoutDependenciesOrLib()
    {
        using var package = OpenSdkPackage();
        using var reader = new StreamReader(package.GetEntry("CSnakes.Python.Sdk.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();

        StringAssert.Contains(nuspec, "<packageType name=\"MSBuildSdk\" />");
        Assert.IsFalse(nuspec.Contains("<dependencies"), "an SDK package's dependencies would never be restored");
        Assert.IsFalse(package.Entries.Any(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)), "nothing belongs in lib/");
        Assert.IsFalse(package.Entries.Any(e => e.FullName.Contains("Microsoft.Build", StringComparison.Ordinal)), "MSBuild's own assemblies must not ship");
    }
}
