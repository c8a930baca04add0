using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Imports;

/// <summary>
/// ResolvePythonImports with the real scripts/locate_imports.py, run by a real venv's python (pyenv 3.12.1, no system
/// site-packages) whose site-packages the test fills with package layouts: a stubs package, a py.typed package with a
/// stub beside a module, an untyped package, a single-module distribution, and a fake typeshed under mypy/.
/// </summary>
[TestClass]
public sealed class ResolvePythonImportsTests
{
    private static TempFolder s_root = null!;
    private static string s_python = "";
    private static string s_sitePackages = "";

    [ClassInitialize]
    public static void MakeEnvironment(TestContext _)
    {
        s_root = new TempFolder();
        var basePython = PyenvPython.Require("3.12.1");
        var venv = System.IO.Path.Combine(s_root.Path, "venv");
        var made = ProcessRunner.Run(basePython, ["-m", "venv", "--without-pip", venv]);
        Assert.AreEqual(0, made.ExitCode, made.StandardError);
        s_python = System.IO.Path.Combine(venv, "bin", "python");
        s_sitePackages = System.IO.Path.Combine(venv, "lib", "python3.12", "site-packages");
        void Write(string relative, string text = "") => File.WriteAllText(Create(relative), text);

        Write("typedpkg/__init__.py", "from .core import run as run\n");
        Write("typedpkg/py.typed");
        Write("typedpkg/core.py", "def run(x): return x\n");
        Write("typedpkg/core.pyi", "def run(x: int) -> int: ...\n");
        Write("typedpkg/_impl.py", "def helper() -> None: ...\n");
        Write("typedpkg/sub/__init__.py");
        Write("typedpkg/sub/deep.py", "def f() -> int: ...\n");
        Write("typedpkg/tests/__init__.py");
        Write("typedpkg/tests/test_core.py", "def test() -> None: ...\n");
        Write("typedpkg/data/loose.py", "def g() -> None: ...\n");
        Write("stubbed/__init__.py", "def load(s): ...\n");
        Write("stubbed-stubs/__init__.pyi", "def load(s: str) -> object: ...\n");
        Write("untyped/__init__.py", "def go(n: int): ...\n");
        Write("onefile.py", "def one() -> int: ...\n");
        Write("mypy/__init__.py");
        Write("mypy/typeshed/stdlib/VERSIONS", "json: 3.0-\njson.tool: 3.0-3.1\n_typeshed: 3.0-\n_json: 3.0-\n_other: 3.0-\n");
        Write("mypy/typeshed/stdlib/json/__init__.pyi", "from .decoder import JSONDecodeError as JSONDecodeError\nfrom _json import make_scanner as make_scanner\n");
        Write("mypy/typeshed/stdlib/_json.pyi", "import _other\ndef make_scanner(context: object) -> object: ...\n");
        Write("mypy/typeshed/stdlib/_other.pyi", "def unrelated() -> None: ...\n");
        Write("mypy/typeshed/stdlib/json/decoder.pyi", "class JSONDecodeError(ValueError): ...\n");
        Write("mypy/typeshed/stdlib/json/tool.pyi", "def main() -> None: ...\n");
        Write("mypy/typeshed/stdlib/_typeshed/__init__.pyi", "StrPath = str\n");
    }

    [ClassCleanup]
    public static void DeleteEnvironment() => s_root?.Dispose();

    private static string Create(string relative)
    {
        var full = System.IO.Path.Combine(s_sitePackages, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        return full;
    }

    private static (ResolvePythonImports Task, FakeBuildEngine Engine, bool Result) Run(ITaskItem[] imports, string cacheFile, string python = "", params string[] projectFiles)
    {
        var engine = new FakeBuildEngine();
        var task = new ResolvePythonImports
        {
            BuildEngine = engine,
            Imports = imports,
            PythonExecutable = python.Length > 0 ? python : s_python,
            ProjectDirectory = System.IO.Path.Combine(s_root.Path, "project"),
            ProjectFiles = projectFiles.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            CacheFile = cacheFile,
            ProjectFile = "test.csproj",
        };
        return (task, engine, task.Execute());
    }

    private static ITaskItem Import(string name, bool? submodules = null)
    {
        var item = new TaskItem(name);
        if (submodules is { } value)
        {
            item.SetMetadata("Submodules", value ? "true" : "false");
        }
        return item;
    }

    private static string CacheFile() => System.IO.Path.Combine(s_root.Path, "obj-" + Guid.NewGuid().ToString("N")[..8], "imports.json");

    private static Dictionary<string, ITaskItem> ByRelativePath(ResolvePythonImports task) =>
        task.ModuleFiles.ToDictionary(f => System.IO.Path.GetRelativePath(s_sitePackages, f.ItemSpec).Replace('\\', '/'));

    [TestMethod]
    public void APyTypedPackageGivesEveryModuleFileWithItsNameAndWrapsOnlyPublicOnesOutsideTestFolders()
    {
        var (task, engine, ok) = Run([Import("typedpkg")], CacheFile());

        Assert.IsTrue(ok, engine.ErrorText);
        var files = ByRelativePath(task);
        CollectionAssert.AreEquivalent(
            new[] { "typedpkg/__init__.py", "typedpkg/core.py", "typedpkg/core.pyi", "typedpkg/_impl.py", "typedpkg/sub/__init__.py", "typedpkg/sub/deep.py" },
            files.Keys.ToArray(), "the tests folder and the folder without __init__ are no modules of the package");
        Assert.AreEqual("typedpkg.sub.deep", files["typedpkg/sub/deep.py"].GetMetadata("ModuleName"));
        Assert.AreEqual("typedpkg", files["typedpkg/core.pyi"].GetMetadata("ImportName"));
        Assert.AreEqual("true", files["typedpkg/_impl.py"].GetMetadata("ReadOnly"), "a private module is read, not wrapped");
        Assert.AreEqual("false", files["typedpkg/sub/deep.py"].GetMetadata("ReadOnly"));
        Assert.AreEqual(0, engine.Warnings.Count, string.Join("\n", engine.Warnings.Select(w => w.Message)));
    }

    [TestMethod]
    public void SubmodulesFalseWrapsTheModuleAloneAndADottedImportWrapsItsSubtree()
    {
        var alone = Run([Import("typedpkg", submodules: false)], CacheFile());
        var sub = Run([Import("typedpkg.sub")], CacheFile());

        var aloneFiles = ByRelativePath(alone.Task);
        Assert.AreEqual("false", aloneFiles["typedpkg/__init__.py"].GetMetadata("ReadOnly"));
        Assert.AreEqual("true", aloneFiles["typedpkg/sub/deep.py"].GetMetadata("ReadOnly"), "Submodules=\"false\" wraps the module alone");
        var subFiles = ByRelativePath(sub.Task);
        Assert.AreEqual("true", subFiles["typedpkg/__init__.py"].GetMetadata("ReadOnly"), "the parent of a dotted import is read for re-exports only");
        Assert.AreEqual("false", subFiles["typedpkg/sub/__init__.py"].GetMetadata("ReadOnly"));
        Assert.AreEqual("false", subFiles["typedpkg/sub/deep.py"].GetMetadata("ReadOnly"));
    }

    [TestMethod]
    public void AStubsPackageWinsOverThePackageAndAnUntypedPackageWarnsOnceNamingTheStubs()
    {
        var (task, engine, ok) = Run([Import("stubbed"), Import("untyped"), Import("onefile")], CacheFile());

        Assert.IsTrue(ok, engine.ErrorText);
        var files = ByRelativePath(task);
        CollectionAssert.AreEquivalent(new[] { "stubbed-stubs/__init__.pyi", "untyped/__init__.py", "onefile.py" }, files.Keys.ToArray());
        Assert.AreEqual("stubbed", files["stubbed-stubs/__init__.pyi"].GetMetadata("ModuleName"));
        var untypedWarnings = engine.Warnings.Where(w => w.Code == DiagnosticCodes.ImportUntyped).Select(w => w.Message ?? "").ToList();
        Assert.AreEqual(2, untypedWarnings.Count, string.Join("\n", untypedWarnings));
        Assert.IsTrue(untypedWarnings.Any(w => w.Contains("'untyped'") && w.Contains("types-untyped")), string.Join("\n", untypedWarnings));
    }

    [TestMethod]
    public void StandardLibraryModulesAreTypedByTypeshedFromAnInstalledTypeCheckerWithinItsVersions()
    {
        var (task, engine, ok) = Run([Import("json")], CacheFile());

        Assert.IsTrue(ok, engine.ErrorText);
        var files = ByRelativePath(task);
        CollectionAssert.AreEquivalent(
            new[]
            {
                "mypy/typeshed/stdlib/json/__init__.pyi", "mypy/typeshed/stdlib/json/decoder.pyi", "mypy/typeshed/stdlib/_typeshed/__init__.pyi",
                "mypy/typeshed/stdlib/_json.pyi", "mypy/typeshed/stdlib/_other.pyi",
            },
            files.Keys.ToArray(), "json.tool is for Python 3.0-3.1 by VERSIONS; typeshed's helpers and the private modules json takes names from (transitively) are read");
        Assert.AreEqual("true", files["mypy/typeshed/stdlib/_json.pyi"].GetMetadata("ReadOnly"));
        Assert.AreEqual("true", files["mypy/typeshed/stdlib/_typeshed/__init__.pyi"].GetMetadata("ReadOnly"));
        Assert.AreEqual("json.decoder", files["mypy/typeshed/stdlib/json/decoder.pyi"].GetMetadata("ModuleName"));
    }

    [TestMethod]
    public void WithoutTypeshedAStandardLibraryModuleIsReadFromItsSourceWithAWarningNamingMypy()
    {
        using var bare = new TempFolder();
        var venv = System.IO.Path.Combine(bare.Path, "venv");
        Assert.AreEqual(0, ProcessRunner.Run(PyenvPython.Require("3.12.1"), ["-m", "venv", "--without-pip", venv]).ExitCode);

        var (task, engine, ok) = Run([Import("json")], System.IO.Path.Combine(bare.Path, "imports.json"), System.IO.Path.Combine(venv, "bin", "python"));

        Assert.IsTrue(ok, engine.ErrorText);
        Assert.IsTrue(task.ModuleFiles.Any(f => f.GetMetadata("ModuleName") == "json.decoder" && f.ItemSpec.EndsWith(".py", StringComparison.Ordinal)));
        StringAssert.Contains(engine.Warnings.Single(w => w.Code == DiagnosticCodes.ImportUntyped).Message, "mypy");
    }

    [TestMethod]
    public void AMissingModuleAndAProjectModuleOfTheSameTopLevelNameAreCodedErrors()
    {
        var projectFile = System.IO.Path.Combine(s_root.Path, "project", "onefile.py");
        var (_, engine, ok) = Run([Import("not_installed_anywhere"), Import("typedpkg.nosuch"), Import("onefile")], CacheFile(), "", projectFile);

        Assert.IsFalse(ok);
        var errors = engine.Errors.Select(e => (Code: e.Code ?? "", Message: e.Message ?? "")).ToList();
        Assert.AreEqual(3, errors.Count, engine.ErrorText);
        StringAssert.Contains(errors.Single(e => e.Message.Contains("'not_installed_anywhere'")).Code, DiagnosticCodes.ImportNotFound);
        StringAssert.Contains(errors.Single(e => e.Message.Contains("'typedpkg.nosuch'")).Code, DiagnosticCodes.ImportNotFound);
        Assert.AreEqual(DiagnosticCodes.ImportIsProjectModule, errors.Single(e => e.Message.Contains("'onefile'")).Code);
        StringAssert.Contains(errors.Single(e => e.Message.Contains("'not_installed_anywhere'")).Message, s_sitePackages, "the error names where it looked");
    }

    [TestMethod]
    public void TheAnswerIsReusedWithoutPythonUntilTheEnvironmentChanges()
    {
        var cache = CacheFile();
        Assert.IsTrue(Run([Import("typedpkg")], cache).Result);

        var reused = Run([Import("typedpkg")], cache);
        StringAssert.Contains(reused.Engine.MessageText, "the environment is unchanged");
        Assert.AreEqual(6, reused.Task.ModuleFiles.Length);

        // What an install does to site-packages: a new folder in it.
        var added = Create("newly_installed/__init__.py");
        File.WriteAllText(added, "");
        try
        {
            Directory.SetLastWriteTimeUtc(s_sitePackages, DateTime.UtcNow.AddSeconds(5));
            var relocated = Run([Import("typedpkg")], cache);
            Assert.IsFalse(relocated.Engine.MessageText.Contains("the environment is unchanged"), "the cache was used after the environment changed");
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(added)!, recursive: true);
        }
    }

    [TestMethod]
    public void ADesignTimeBuildWithoutAnEnvironmentTakesTheLastAnswerAndRunsNothing()
    {
        var cache = CacheFile();
        Assert.IsTrue(Run([Import("typedpkg")], cache).Result);
        var engine = new FakeBuildEngine();
        var task = new ResolvePythonImports
        {
            BuildEngine = engine,
            Imports = [Import("typedpkg")],
            PythonExecutable = "",
            ProjectDirectory = s_root.Path,
            CacheFile = cache,
        };

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(6, task.ModuleFiles.Length);
        var none = new ResolvePythonImports { BuildEngine = engine, Imports = [Import("typedpkg")], ProjectDirectory = s_root.Path, CacheFile = CacheFile() };
        Assert.IsTrue(none.Execute());
        Assert.AreEqual(0, none.ModuleFiles.Length, "no cache yet: no imports, and no error, in a design-time build");
    }
}
