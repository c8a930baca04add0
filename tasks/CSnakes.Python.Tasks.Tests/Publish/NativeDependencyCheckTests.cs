using CSnakes.Python.Tasks.Publish;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>
/// The CSPY4005 check over bundle entry lists built here: sources are real ELF files of this machine (some copied
/// into a temp folder with a patched RUNPATH, or cut short), targets are where the bundle would put them.
/// </summary>
[TestClass]
public sealed class NativeDependencyCheckTests
{
    private const string Site = "python/site-packages/App";
    private const string ProjectFile = "/src/App/App.csproj";
    private static readonly string Abi = NativeFixtures.Abi;

    private string _root = "";
    private readonly List<BundleEntry> _entries = [];

    [TestInitialize]
    public void CreateRoot() => Directory.CreateDirectory(_root = Path.Combine(Path.GetTempPath(), "csnakes-native-" + Guid.NewGuid().ToString("N")[..8]));

    [TestCleanup]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void LibrariesOfThePolicySetNeedNothingBundled()
    {
        Add(NativeFixtures.DynloadModule("math"), $"{Site}/mathish/math.{Abi}.so"); // libm.so.6, libc.so.6

        var (engine, findings) = Check();

        Assert.AreEqual(1, findings.ObjectsChecked, "the module must have been read, or this proves nothing");
        Assert.AreEqual(0, engine.Warnings.Count, Warnings(engine));
    }

    [TestMethod]
    public void OriginRunPathToAWheelsLibsFolderSatisfiesIt()
    {
        // The auditwheel layout: foo/_bz2.so with RUNPATH $ORIGIN/../foo.libs, and libbz2 vendored there.
        Add(Patched("_bz2", "$ORIGIN/../foo.libs"), $"{Site}/foo/_bz2.{Abi}.so");
        Add(NativeFixtures.DynloadModule("math"), $"{Site}/foo.libs/libbz2.so.1.0");

        var (engine, findings) = Check();

        Assert.AreEqual(2, findings.ObjectsChecked);
        Assert.AreEqual(0, engine.Warnings.Count, Warnings(engine));
    }

    [TestMethod]
    public void OriginRunPathIsFollowedOutsideLibsFoldersToo()
    {
        Add(Patched("_bz2", "$ORIGIN/vendor"), $"{Site}/foo/_bz2.{Abi}.so");
        Add(NativeFixtures.DynloadModule("math"), $"{Site}/foo/vendor/libbz2.so.1.0");

        Assert.AreEqual(0, Check().Engine.Warnings.Count);
    }

    [TestMethod]
    public void ALibraryBundledWhereTheRunPathDoesNotLookIsMissing()
    {
        Add(Patched("_bz2", "$ORIGIN/vendor"), $"{Site}/foo/_bz2.{Abi}.so");
        Add(NativeFixtures.DynloadModule("math"), $"{Site}/foo/elsewhere/libbz2.so.1.0");

        var warning = Check().Engine.Warnings.Single();

        StringAssert.Contains(warning.Message!, "'foo'");
        StringAssert.Contains(warning.Message!, "'libbz2.so.1.0'");
    }

    [TestMethod]
    public void MissingLibrariesWarnOncePerPackageAndLibrary()
    {
        Add(NativeFixtures.DynloadModule("_ssl"), $"{Site}/cryptoish/_ssl.{Abi}.so");         // libssl.so.3, libcrypto.so.3
        Add(NativeFixtures.DynloadModule("_hashlib"), $"{Site}/cryptoish/sub/_hashlib.{Abi}.so"); // libcrypto.so.3
        Add(NativeFixtures.DynloadModule("_hashlib"), $"{Site}/otherpkg/_hashlib.{Abi}.so");   // libcrypto.so.3

        var (engine, findings) = Check();

        Assert.AreEqual(3, findings.ObjectsChecked);
        var pairs = findings.Missing.Select(m => $"{m.Package} {m.Library}").ToList();
        CollectionAssert.AreEquivalent(new[] { "cryptoish libcrypto.so.3", "cryptoish libssl.so.3", "otherpkg libcrypto.so.3" }, pairs);
        Assert.AreEqual(3, engine.Warnings.Count, Warnings(engine));
        foreach (var warning in engine.Warnings)
        {
            Assert.AreEqual("CSPY4005", warning.Code);
            Assert.AreEqual(ProjectFile, warning.File);
            StringAssert.Contains(warning.Message!, "requirements.txt");
        }

        var crypto = engine.Warnings.Single(w => w.Message!.Contains("'cryptoish'") && w.Message!.Contains("'libcrypto.so.3'"));
        StringAssert.Contains(crypto.Message, $"(cryptoish/_ssl.{Abi}.so and 1 more)");
        var other = engine.Warnings.Single(w => w.Message!.Contains("'otherpkg'"));
        StringAssert.Contains(other.Message, $"(otherpkg/_hashlib.{Abi}.so)");
    }

    [TestMethod]
    public void DebiansNumpyNeedsBlasFromTheSystem()
    {
        Add(NativeFixtures.Require(NativeFixtures.DebianNumpyCore), $"{Site}/numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so");

        var engine = Check().Engine;

        var blas = engine.Warnings.Single(w => w.Message!.Contains("'libblas.so.3'"));
        StringAssert.StartsWith(blas.Message, "The bundled package 'numpy' (numpy/core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so) needs the shared library 'libblas.so.3'");
        var host = new HostLibraryLocator().Find("libblas.so.3") ?? throw new AssertFailedException("numpy imports here, so the loader finds libblas.so.3");
        StringAssert.Contains(blas.Message, $"found on this machine at {host}");
        if (File.Exists("/usr/bin/dpkg"))
        {
            StringAssert.Contains(blas.Message, "from the Debian package '");
        }
    }

    [TestMethod]
    public void ReadsEveryObjectOfDebiansDistPackages()
    {
        // Hundreds of real objects from many toolchains: each must be read (none "unreadable"), in one pass.
        const string distPackages = "/usr/lib/python3/dist-packages";
        NativeFixtures.Require(Path.Combine(distPackages, "numpy", "__init__.py"));
        foreach (var file in Directory.EnumerateFiles(distPackages, "*", SearchOption.AllDirectories))
        {
            Add(file, $"{Site}/{Path.GetRelativePath(distPackages, file).Replace('\\', '/')}");
        }
        int elfObjects = _entries.Count(e => (e.TargetPath.EndsWith(".so") || e.TargetPath.Contains(".so.")) && ElfDependencies.IsElf(e.SourcePath));

        var findings = NativeDependencyCheck.Run(_entries, SiteDirectory.AllIn(_entries));

        Assert.AreEqual(0, findings.Unreadable.Count, string.Join(Environment.NewLine, findings.Unreadable));
        Assert.AreEqual(elfObjects, findings.ObjectsChecked);
        Assert.IsTrue(findings.Missing.Any(m => m.Package == "numpy" && m.Library == "libblas.so.3"));
    }

    [TestMethod]
    public void TheBundledLibPythonSatisfiesModulesLinkedAgainstIt()
    {
        Add(NativeFixtures.StableAbiShim(), $"{Site}/abi3/libpython3.so"); // needs libpython3.12.so.1.0
        Add("/nowhere/libpython3.12.so.1.0", "python/lib/libpython3.12.so.1.0");

        var (engine, findings) = Check();

        Assert.AreEqual(1, findings.ObjectsChecked);
        Assert.AreEqual(0, engine.Warnings.Count, Warnings(engine));
    }

    [TestMethod]
    public void AnotherPythonsLibPythonIsMissing()
    {
        Add(NativeFixtures.StableAbiShim(), $"{Site}/abi3/libpython3.so");
        Add("/nowhere/libpython3.11.so.1.0", "python/lib/libpython3.11.so.1.0");

        StringAssert.Contains(Check().Engine.Warnings.Single().Message, "'libpython3.12.so.1.0'");
    }

    [TestMethod]
    public void OnlySitePackagesAreChecked()
    {
        // The stdlib's own modules come with the interpreter; pyenv's _ssl needing libssl is the interpreter's business.
        Add(NativeFixtures.DynloadModule("_ssl"), $"python/lib/python3.12/lib-dynload/_ssl.{Abi}.so");

        var (engine, findings) = Check();

        Assert.AreEqual(0, findings.ObjectsChecked);
        Assert.AreEqual(0, engine.Warnings.Count);
    }

    [TestMethod]
    public void ATextFileNamedSoIsIgnoredSilently()
    {
        var text = Path.Combine(_root, "libfake.so");
        File.WriteAllText(text, "/* GNU ld script */\nGROUP ( libfake.so.1 )\n");
        Add(text, $"{Site}/fake/libfake.so");

        var (engine, findings) = Check();

        Assert.AreEqual(0, findings.ObjectsChecked);
        Assert.AreEqual(0, engine.Warnings.Count);
        Assert.AreEqual(0, engine.Errors.Count);
        Assert.IsFalse(engine.MessageText.Contains("libfake.so"), engine.MessageText);
    }

    [TestMethod]
    public void ATruncatedElfIsALowImportanceMessageNotAWarning()
    {
        var truncated = Path.Combine(_root, "_ssl.so");
        File.WriteAllBytes(truncated, File.ReadAllBytes(NativeFixtures.DynloadModule("_ssl"))[..4096]);
        Add(truncated, $"{Site}/broken/_ssl.{Abi}.so");
        Add(NativeFixtures.DynloadModule("_hashlib"), $"{Site}/fine/_hashlib.{Abi}.so");

        var (engine, findings) = Check();

        Assert.AreEqual(0, engine.Errors.Count);
        Assert.AreEqual("'fine' 'libcrypto.so.3'", string.Join(" ", engine.Warnings.Select(w => $"'{w.Message!.Split('\'')[1]}' '{w.Message!.Split('\'')[3]}'")));
        var note = engine.Messages.Single(m => m.Message!.Contains("broken/_ssl"));
        Assert.AreEqual(MessageImportance.Low, note.Importance);
        Assert.AreEqual(1, findings.Unreadable.Count);
    }

    private void Add(string source, string target) => _entries.Add(new BundleEntry(source, target));

    private string Patched(string module, string runPath) =>
        NativeFixtures.WithRunPath(NativeFixtures.DynloadModule(module), Path.Combine(_root, Guid.NewGuid().ToString("N")[..8], $"{module}.so"), runPath);

    private (FakeBuildEngine Engine, NativeDependencyFindings Findings) Check()
    {
        var engine = new FakeBuildEngine();
        var sites = SiteDirectory.AllIn(_entries);
        NativeDependencyReporter.Report(new TaskLoggingHelper(engine, "ComputePythonBundle"), ProjectFile, _entries, sites);
        return (engine, NativeDependencyCheck.Run(_entries, sites));
    }

    private static string Warnings(FakeBuildEngine engine) => string.Join(Environment.NewLine, engine.Warnings.Select(w => $"{w.Code}: {w.Message}"));
}
