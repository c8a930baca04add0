using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// `dotnet publish` puts a relocatable Python into python/ and the published app runs with every other
/// Python on the machine hidden. One published workspace (see <see cref="PublishedWorkspace"/>) serves all.
/// Publish time, start-up and bundle size are measured by eng/bench/sdk-bench.sh, not here.
/// </summary>
[TestClass]
public sealed class PublishTests
{
    [TestMethod]
    public void FrameworkDependentPublishRunsWithPythonHidden()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.FrameworkDependent.ExitCode, published.FrameworkDependent.ToString());
        string folder = published.Folder("fd");

        var run = PublishHiddenPython.Run(folder, "dotnet", "App.dll");

        AssertRanFromBundle(run, folder);
    }

    [TestMethod]
    public void SelfContainedPublishRunsWithPythonHidden()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.SelfContained.ExitCode, published.SelfContained.ToString());
        string folder = published.Folder("sc");

        var run = PublishHiddenPython.Run(folder, Path.Combine(folder, "App"));

        AssertRanFromBundle(run, folder);
    }

    [TestMethod]
    public void MovedPublishFolderStillRuns()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.FrameworkDependent.ExitCode, published.FrameworkDependent.ToString());
        string moved = Path.Combine(published.Directory, "moved", "elsewhere");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        var copy = DotNetCli.RunProgram("cp", published.Directory, "-a", published.Folder("fd-again"), moved);
        Assert.AreEqual(0, copy.ExitCode, copy.ToString());
        Directory.Delete(published.Folder("fd-again"), recursive: true);

        var run = PublishHiddenPython.Run(moved, "dotnet", "App.dll");

        AssertRanFromBundle(run, moved);
    }

    [TestMethod]
    public void PublishedManifestUsesPathsRelativeToTheApp()
    {
        var published = PublishedWorkspace.Get();
        string folder = published.Folder("fd");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "PyLib.csnakes.json")));
        var python = manifest.RootElement.GetProperty("python");

        Assert.AreEqual("python", python.GetProperty("home").GetString());
        StringAssert.StartsWith(python.GetProperty("libPython").GetString(), "python/lib/libpython3.");
        StringAssert.StartsWith(python.GetProperty("executable").GetString(), "python/bin/python3.");
        Assert.AreEqual(JsonValueKind.Null, manifest.RootElement.GetProperty("venv").ValueKind);
        Assert.AreEqual("python/site-packages/PyLib", manifest.RootElement.GetProperty("sitePackages")[0].GetString());
        Assert.IsTrue(File.Exists(Path.Combine(folder, "where.py")), "The library's module is published next to the app.");
    }

    [TestMethod]
    public void BundleLeavesOutTestsIdeCachesAndPip()
    {
        string python = Path.Combine(PublishedWorkspace.Get().Folder("fd"), "python");
        string stdLib = Directory.GetDirectories(Path.Combine(python, "lib"), "python3*").Single();

        Assert.IsTrue(File.Exists(Path.Combine(stdLib, "os.py")));
        Assert.IsTrue(Directory.GetFiles(Path.Combine(stdLib, "lib-dynload"), "_decimal*.so").Length == 1, "lib-dynload is bundled.");
        foreach (var excluded in new[] { "test", "idlelib", "tkinter", "turtledemo", "ensurepip", "site-packages" })
        {
            Assert.IsFalse(Directory.Exists(Path.Combine(stdLib, excluded)), $"{excluded} should not be bundled.");
        }
        Assert.AreEqual(0, PublishedWorkspace.Get().PycacheDirectoriesAfterPublish, "No __pycache__ is published.");
        Assert.IsTrue(File.Exists(Path.Combine(python, "site-packages", "PyLib", "tinywheel", "__init__.py")));
        Assert.IsFalse(Directory.Exists(Path.Combine(python, "site-packages", "PyLib", "pip")), "pip is a build tool; not bundled.");

        // PythonStripLibrary (default on): pyenv's libpython is ~30 MiB with its debug sections, ~5 MiB without.
        if (Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, "strip"))))
        {
            var lib = new FileInfo(Directory.GetFiles(Path.Combine(python, "lib"), "libpython3*").Single());
            Assert.IsTrue(lib.Length < 15 * 1048576, $"{lib.Name} is bundled with its debug information ({lib.Length} bytes)");
        }
    }

    [TestMethod]
    public void PythonBundleFalseLeavesPythonOut()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.NoBundle.ExitCode, published.NoBundle.ToString());
        string folder = published.Folder("nobundle");

        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "python")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "PyLib.csnakes.json")));
        Assert.IsTrue(Path.IsPathRooted(manifest.RootElement.GetProperty("python").GetProperty("libPython").GetString()),
            "Without a bundle the manifest names the interpreter the app was built with.");
        Assert.IsFalse(Directory.EnumerateFiles(folder, "*.csnakes.json").Any(f => File.ReadAllText(f).Contains("/obj/")),
            "The published manifest must not point into obj/.");
    }

    [TestMethod]
    public void PublishForAnotherOperatingSystemFailsWithCSPY4001()
    {
        var published = PublishedWorkspace.Get();
        // UseAppHost=false: no win-x64 apphost pack is needed, so this fails on our check and nothing else.
        var result = DotNetCli.Run(published.Directory, "publish", "App", "-r", "win-x64", "--self-contained", "false",
            "-p:UseAppHost=false", "-o", published.Folder("win"), "-nodeReuse:false");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "CSPY4001");
        StringAssert.Contains(result.Output, "win-x64");
        Assert.IsFalse(Directory.Exists(Path.Combine(published.Folder("win"), "python")), "No half-made bundle.");
    }

    private static void AssertRanFromBundle(DotNetResult run, string folder)
    {
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        string prefix = Line(run, "prefix: ");
        string executable = Line(run, "executable: ");
        Assert.AreEqual(Path.Combine(folder, "python"), prefix, run.ToString());
        StringAssert.StartsWith(executable, Path.Combine(folder, "python", "bin", "python3"), run.ToString());
        StringAssert.Contains(run.Output, "wheel: 42");
        StringAssert.Contains(run.Output, "stdlib: {\"sum\": \"3.3\"}");
    }

    private static string Line(DotNetResult run, string prefix) =>
        run.Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..]
        ?? throw new AssertFailedException($"No '{prefix}' line in:\n{run}");
}
