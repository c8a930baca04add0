using System.IO.Compression;
using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// `dotnet pack` of a Python project, and an app that takes the package by PackageReference (next to a second
/// Python library by project reference): build, run, publish and run with every Python hidden.
/// </summary>
[TestClass]
public sealed class PackedLibraryTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void PackageCarriesWrappersModulesRequirementsAndPythonRange()
    {
        var packed = PackedLibraryWorkspace.Get();
        Assert.AreEqual(0, packed.Pack.ExitCode, packed.Pack.ToString());

        using var package = ZipFile.OpenRead(packed.Package);
        foreach (var path in new[] { "lib/net10.0/PyPkg.dll", "python/pkgmod.py", "python/sub/__init__.py", "python/sub/helpers.py",
                     "python-requirements/requirements.txt", "buildTransitive/Packed.PyPkg.props" })
        {
            Assert.IsNotNull(package.GetEntry(path), $"{path} is missing from the package");
        }
        Assert.IsFalse(package.Entries.Any(e => e.FullName.Contains("venv", StringComparison.Ordinal) || e.FullName.EndsWith(".g.cs", StringComparison.Ordinal)),
            "neither the venv nor generated code belongs in the package");

        var props = Read(package, "buildTransitive/Packed.PyPkg.props");
        StringAssert.Contains(props, "<PythonPackage Include=\"Packed.PyPkg\" Version=\"1.0.0\" PythonVersion=\"[3.9,)\" />");
        StringAssert.Contains(props, "../python-requirements/requirements.txt\" Package=\"Packed.PyPkg\"");

        var nuspec = Read(package, "Packed.PyPkg.nuspec");
        StringAssert.Contains(nuspec, $"<dependency id=\"CSnakes.Runtime\" version=\"{E2EEnvironment.Version}\"");
        StringAssert.Contains(nuspec, $"<dependency id=\"CSnakes.Python.Sdk\" version=\"{E2EEnvironment.Version}\"");
    }

    [TestMethod]
    public void AppTakingThePackageBuildsRunsAndRebuildsWithoutPythonWork()
    {
        var packed = PackedLibraryWorkspace.Get();
        Assert.AreEqual(0, packed.Pack.ExitCode, packed.Pack.ToString());

        var build = DotNetCli.Run(packed.Directory, "build", "App", "-nodeReuse:false");
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var run = DotNetCli.Run(packed.Directory, "run", "--project", "App", "--no-build");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "packaged: 42", "the package's requirement (tinywheel 1.0) is installed in the app's venv");
        StringAssert.Contains(run.Output, "nested: 42", "the package's sub-package module imports");
        StringAssert.Contains(run.Output, "local: hello app from the project reference", "a second Python library in the same app");
        StringAssert.Contains(run.Output, $"prefix: {Path.Combine(packed.Directory, "App", "obj", "python", "venv")}");
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(packed.Directory, "App", "bin", "Debug", "net10.0", "App.csnakes.json"))))
        {
            Assert.AreEqual("App", manifest.RootElement.GetProperty("project").GetString());
        }

        var again = DotNetCli.Run(packed.Directory, "build", "App", "-nodeReuse:false", "-v:n");
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        StringAssert.Contains(again.Output, "Skipping target \"_CSnakesCreateVenvCore\"");
        Assert.IsFalse(again.Output.Contains("Installing Python packages", StringComparison.Ordinal), "a no-change build runs no pip");
    }

    [TestMethod]
    public void AppTakingThePackagePublishesAndRunsWithPythonHidden()
    {
        var packed = PackedLibraryWorkspace.Get();
        Assert.AreEqual(0, packed.Pack.ExitCode, packed.Pack.ToString());
        var folder = Path.Combine(packed.Directory, "out", "fd");

        var publish = DotNetCli.Run(packed.Directory, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-o", folder, "-nodeReuse:false");
        Assert.AreEqual(0, publish.ExitCode, publish.ToString());
        var run = PublishHiddenPython.Run(folder, "dotnet", "App.dll");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "packaged: 42");
        StringAssert.Contains(run.Output, "nested: 42");
        StringAssert.Contains(run.Output, "local: hello app from the project reference");
        StringAssert.Contains(run.Output, $"prefix: {Path.Combine(folder, "python")}");
        Assert.IsTrue(File.Exists(Path.Combine(folder, "python", "site-packages", "App", "tinywheel", "__init__.py")),
            "the package's requirements are bundled under the app's name");
        Assert.IsTrue(File.Exists(Path.Combine(folder, "sub", "helpers.py")));
    }

    [TestMethod]
    public void PackagesPinningDifferentVersionsOfOneRequirementFailWithCSPY1002()
    {
        var packed = PackedLibraryWorkspace.Get();
        Assert.AreEqual(0, packed.PackNewer.ExitCode, packed.PackNewer.ToString());

        var build = DotNetCli.Run(packed.Directory, "build", "ConflictApp", "-nodeReuse:false");

        Assert.AreNotEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, "error CSPY1002");
        StringAssert.Contains(build.Output, "tinywheel==1.0");
        StringAssert.Contains(build.Output, "tinywheel==2.0");
        StringAssert.Contains(build.Output, "must not contradict each other");
    }

    [TestMethod]
    public void AProjectReferencedLibraryPinningAnotherVersionIsCSPY1008InTheApp()
    {
        // Its own workspace: PyLocal gets a requirement here that the other tests must not see.
        var workspace = E2EEnvironment.CreateWorkspace("PackedLibrary");
        var pack = DotNetCli.Run(workspace, "pack", "PyPkg", "-o", Path.Combine(workspace, "packed"), "-nodeReuse:false");
        Assert.AreEqual(0, pack.ExitCode, pack.ToString());
        var pkgRequirements = File.ReadAllText(Path.Combine(workspace, "PyPkg", "requirements.txt"));
        File.WriteAllText(Path.Combine(workspace, "PyLocal", "requirements.txt"), pkgRequirements.Replace("tinywheel==1.0", "tinywheel==2.0"));

        var build = DotNetCli.Run(workspace, "build", "App", "-nodeReuse:false");

        Assert.AreNotEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, "error CSPY1008: 'tinywheel' is installed at different versions by the Python libraries of this app: 1.0 (App), 2.0 (PyLocal)");
    }

    private static string Read(ZipArchive package, string path)
    {
        using var reader = new StreamReader(package.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}
