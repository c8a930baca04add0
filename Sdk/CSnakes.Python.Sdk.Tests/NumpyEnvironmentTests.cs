using System.IO.Compression;
using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// A real numpy (Debian's python3-numpy: compiled extensions, BLAS) reached by every route a data scientist uses:
/// the system's site-packages, a venv they already have, a conda environment by name, and requirements.txt with a
/// wheel. Each builds, runs, publishes and runs the published app with every Python on the machine hidden.
/// </summary>
[TestClass]
public sealed class NumpyEnvironmentTests
{
    private const string Scenario = "NumpyEnvironments";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void SystemSitePackagesSeeTheDistributionsNumpyAndPublishCarriesIt()
    {
        var python = NumpyPython.Require();
        var workspace = E2EEnvironment.CreateWorkspace(Scenario);
        // Satisfied by the system's numpy, so pip installs nothing (and --no-index keeps it from asking an index).
        File.WriteAllText(Path.Combine(workspace, "NumpyLib", "requirements.txt"), "numpy\n");
        string[] properties = [$"-p:PythonExecutable={python}", "-p:PythonSystemSitePackages=true", "-p:PythonPipArguments=--no-index"];

        Dotnet(workspace, ["build", "App", "-nodeReuse:false", .. properties]);
        var run = Dotnet(workspace, ["run", "--project", "App", "--no-build"]);
        var systemSite = NumpyPython.Run(python, "-I", "-c", "import numpy, os; print(os.path.dirname(os.path.dirname(numpy.__file__)))").Output.Trim();
        AssertNumpyRan(run, from: systemSite);

        var published = PublishAndRunHidden(workspace, properties);
        // The venv's own site-packages may be empty (pip found numpy in the system): the system's is a further site directory.
        Assert.IsTrue(published.Sites.Any(s => s.StartsWith("python/site-packages/NumpyLib.site", StringComparison.Ordinal)), $"The system's site-packages is bundled as a site directory of its own: {string.Join(", ", published.Sites)}");
        // A distribution's numpy links the system's BLAS, which the bundle does not carry: said, not hidden.
        StringAssert.Matches(published.Publish.Output, new System.Text.RegularExpressions.Regex(@"warning CSPY4005: The bundled package 'numpy' .* needs the shared library 'lib\w*blas"));
    }

    [TestMethod]
    public void ExistingVenvIsUsedAsItIsAndNeverWritten()
    {
        var python = NumpyPython.Require();
        var workspace = E2EEnvironment.CreateWorkspace(Scenario);
        var venv = Path.Combine(workspace, "users-venv");
        var made = NumpyPython.Run(python, "-m", "venv", "--without-pip", "--system-site-packages", venv);
        Assert.AreEqual(0, made.ExitCode, made.ToString());
        // What `pip install tinywheel` would leave: the wheel's contents in the venv's site-packages.
        ZipFile.ExtractToDirectory(Path.Combine(E2EEnvironment.WheelDirectory, "tinywheel-1.0-py3-none-any.whl"), SitePackagesOf(venv));
        File.WriteAllText(Path.Combine(workspace, "NumpyLib", "requirements.txt"), "numpy\ntinywheel\nnot-installed-anywhere>=1\n");
        var before = Snapshot(venv);
        string[] properties = [$"-p:PythonEnvironment={venv}"];

        var build = Dotnet(workspace, ["build", "App", "-nodeReuse:false", .. properties]);
        // Only the missing requirement is reported, at its line; the build installs nothing.
        StringAssert.Matches(build.Output, new System.Text.RegularExpressions.Regex(@"requirements\.txt\(3(,\d+)?\): warning CSPY1012: 'not-installed-anywhere'"));
        Assert.IsFalse(build.Output.Contains("warning CSPY1012: 'numpy'") || build.Output.Contains("warning CSPY1012: 'tinywheel'"), build.Output);
        var manifest = Path.Combine(workspace, "App", "bin", "Debug", "net10.0", "NumpyLib.csnakes.json");
        using (var document = JsonDocument.Parse(File.ReadAllText(manifest)))
        {
            Assert.AreEqual(venv, document.RootElement.GetProperty("venv").GetString(), "The app starts as the user's venv/bin/python would.");
        }

        var published = PublishAndRunHidden(workspace, properties, expectExtra: "42");
        CollectionAssert.AreEqual(before, Snapshot(venv), "Building and publishing wrote into the user's venv.");
        Assert.IsTrue(published.Sites.Count >= 2, "The venv's site-packages and the system's it includes are bundled.");

        var run = Dotnet(workspace, ["run", "--project", "App", "--no-build"]);
        AssertNumpyRan(run, from: null, expectExtra: "42");
    }

    [TestMethod]
    public void CondaEnvironmentByNameIsAPythonOfItsOwn()
    {
        var python = NumpyPython.Require();
        var version = NumpyPython.Run(python, "-I", "-c", "import sys; print('%d.%d' % sys.version_info[:2])").Output.Trim();
        var pyenvVersions = Path.Combine(Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"), "versions");
        var prefix = Directory.Exists(pyenvVersions)
            ? Directory.GetDirectories(pyenvVersions, version + ".*").Where(d => File.Exists(Path.Combine(d, "lib", $"libpython{version}.so"))).Order().LastOrDefault()
            : null;
        if (prefix is null)
        {
            Assert.Inconclusive($"No conda here: the test makes a conda-layout environment from pyenv's CPython {version} (to match {python}'s numpy), and pyenv has none.");
        }

        var workspace = E2EEnvironment.CreateWorkspace(Scenario);
        var envs = Path.Combine(workspace, "conda-envs");
        var environment = Path.Combine(envs, "data-science");
        Directory.CreateDirectory(envs);
        // A whole Python prefix with conda's marker, like `conda create -n data-science python=3.X`: hard links keep it cheap.
        var copy = DotNetCli.RunProgram("cp", workspace, "-al", prefix, environment);
        Assert.AreEqual(0, copy.ExitCode, copy.ToString());
        var sitePackages = Path.Combine(environment, "lib", $"python{version}", "site-packages");
        Directory.Delete(sitePackages, recursive: true);
        Directory.CreateDirectory(sitePackages);
        Directory.CreateDirectory(Path.Combine(environment, "conda-meta"));
        File.WriteAllText(Path.Combine(environment, "conda-meta", "history"), "==> 2026-12-02 <==\n# cmd: conda create -n data-science\n");
        ZipFile.ExtractToDirectory(RepackedWheel.Write(python, "numpy", Path.Combine(workspace, "wheels")), sitePackages);
        ZipFile.ExtractToDirectory(Path.Combine(E2EEnvironment.WheelDirectory, "tinywheel-1.0-py3-none-any.whl"), sitePackages);
        var condaVariables = new Dictionary<string, string?> { ["CONDA_ENVS_PATH"] = envs, ["CONDA_EXE"] = null, ["CONDA_PREFIX"] = null };
        string[] properties = ["-p:PythonCondaEnvironment=data-science"];

        Dotnet(workspace, ["build", "App", "-nodeReuse:false", .. properties], condaVariables);
        var manifest = Path.Combine(workspace, "App", "bin", "Debug", "net10.0", "NumpyLib.csnakes.json");
        using (var document = JsonDocument.Parse(File.ReadAllText(manifest)))
        {
            Assert.AreEqual(JsonValueKind.Null, document.RootElement.GetProperty("venv").ValueKind, "A conda environment is started as the base installation it is.");
            StringAssert.StartsWith(document.RootElement.GetProperty("python").GetProperty("home").GetString(), environment);
        }
        var run = Dotnet(workspace, ["run", "--project", "App", "--no-build"]);
        AssertNumpyRan(run, from: sitePackages, expectExtra: "42");

        PublishAndRunHidden(workspace, properties, expectExtra: "42", condaVariables);
    }

    [TestMethod]
    public void RequirementsRouteInstallsARealCompiledWheel()
    {
        var python = NumpyPython.Require();
        var workspace = E2EEnvironment.CreateWorkspace(Scenario);
        var wheels = Path.Combine(workspace, "wheels");
        RepackedWheel.Write(python, "numpy", wheels);
        File.WriteAllText(Path.Combine(workspace, "NumpyLib", "requirements.txt"), $"--no-index\n--find-links {wheels}\nnumpy\n");
        string[] properties = [$"-p:PythonExecutable={python}"];

        Dotnet(workspace, ["build", "App", "-nodeReuse:false", .. properties]);
        var run = Dotnet(workspace, ["run", "--project", "App", "--no-build"]);
        AssertNumpyRan(run, from: Path.Combine(workspace, "NumpyLib", "obj", "python", "venv"));

        var published = PublishAndRunHidden(workspace, properties);
        Assert.AreEqual(1, published.Sites.Count, "Without system site-packages only the project's venv is bundled.");
    }

    private DotNetResult Dotnet(string workspace, string[] arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = DotNetCli.RunWithEnvironment(workspace, environment ?? new Dictionary<string, string?>(), arguments);
        TestContext.WriteLine(result.ToString());
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result;
    }

    private (string Folder, IReadOnlyList<string> Sites, DotNetResult Publish) PublishAndRunHidden(string workspace, string[] properties, string expectExtra = "none", IReadOnlyDictionary<string, string?>? environment = null)
    {
        var folder = Path.Combine(workspace, "out");
        var publish = Dotnet(workspace, ["publish", "App", "-r", "linux-x64", "--self-contained", "false", "-o", folder, "-nodeReuse:false", .. properties], environment);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "NumpyLib.csnakes.json")));
        var sites = manifest.RootElement.GetProperty("sitePackages").EnumerateArray().Select(e => e.GetString()!).ToList();

        var run = PublishHiddenPython.Run(folder, "dotnet", "App.dll");
        TestContext.WriteLine(run.ToString());
        AssertNumpyRan(run, from: Path.Combine(folder, "python", "site-packages"), expectExtra);
        return (folder, sites, publish);
    }

    private static void AssertNumpyRan(DotNetResult run, string? from, string expectExtra = "none")
    {
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, $"numpy: {NumpyPython.NumpyVersion}\n", run.ToString());
        StringAssert.Contains(run.Output, "cumulative: 1;3;6.5\n", run.ToString());
        StringAssert.Contains(run.Output, "grid: 2x3 sum 15\n", run.ToString());
        StringAssert.Contains(run.Output, $"extra: {expectExtra}\n", run.ToString());
        if (from is not null)
        {
            StringAssert.Contains(run.Output, $"numpy from: {from}", run.ToString());
        }
    }

    private static string SitePackagesOf(string venv) =>
        Directory.GetDirectories(Path.Combine(venv, "lib"), "python3*").Select(d => Path.Combine(d, "site-packages")).Single(Directory.Exists);

    // Every file and folder with its size and write time: what "wrote nothing into it" is checked against.
    private static List<string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => new FileInfo(p) is { Exists: true } f ? $"{p} {f.Length} {f.LastWriteTimeUtc.Ticks}" : $"{p}/ {Directory.GetLastWriteTimeUtc(p).Ticks}")
            .ToList();
}
