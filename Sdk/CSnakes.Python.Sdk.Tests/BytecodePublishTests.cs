namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// `dotnet publish -p:PythonCompileBytecode=true` ships a .pyc beside every published .py, and the app then
/// starts without compiling or writing anything. Start-up with and without is measured by eng/bench/sdk-bench.sh.
/// </summary>
[TestClass]
public sealed class BytecodePublishTests
{
    [TestMethod]
    public void PublishShipsPycsWhereCPythonLooks()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.Bytecode.ExitCode, published.Bytecode.ToString());
        string folder = published.Folder("pyc");
        string stdLib = Directory.GetDirectories(Path.Combine(folder, "python", "lib"), "python3*").Single();
        // python3.12 → cpython-312, the tag of the pyenv/system builds the tests use (none is free-threaded).
        string tag = "cpython-" + Path.GetFileName(stdLib)["python".Length..].Replace(".", "");

        foreach (var pyc in new[]
        {
            Path.Combine(stdLib, "__pycache__", $"os.{tag}.pyc"),
            Path.Combine(stdLib, "json", "__pycache__", $"__init__.{tag}.pyc"),
            Path.Combine(folder, "__pycache__", $"where.{tag}.pyc"),
            Path.Combine(folder, "python", "site-packages", "PyLib", "tinywheel", "__pycache__", $"__init__.{tag}.pyc"),
        })
        {
            Assert.IsTrue(File.Exists(pyc), $"{pyc} should be published.");
            // Flags word of the header: 1 = hash-based, source not checked.
            Assert.AreEqual(1, BitConverter.ToInt32(File.ReadAllBytes(pyc), 4), $"{pyc} should be an unchecked-hash pyc.");
        }
        Assert.AreEqual(0, PublishedWorkspace.Get().PycacheDirectoriesAfterPublish, "Without the property no __pycache__ is published.");
    }

    [TestMethod]
    public void NoChangeRepublishReusesTheCompiledBytecode()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.BytecodeAgain.ExitCode, published.BytecodeAgain.ToString());

        StringAssert.Contains(published.BytecodeAgain.Output, "Python bytecode is up to date", published.BytecodeAgain.ToString());
        Assert.IsTrue(File.Exists(Path.Combine(published.Folder("pyc-again"), "__pycache__", Path.GetFileName(PycOfWhere(published.Folder("pyc"))))));
    }

    [TestMethod]
    public void AppWithBytecodeRunsWithPythonHiddenAndWritesNothing()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.Bytecode.ExitCode, published.Bytecode.ToString());
        string folder = Copy(published, "pyc", "pyc-run");
        var before = Snapshot(folder);

        var run = PublishHiddenPython.Run(folder, "dotnet", "App.dll");

        AssertRan(run, folder);
        var after = Snapshot(folder);
        CollectionAssert.AreEquivalent(before, after,
            $"Running the app must not add or rewrite files; new or changed: {string.Join(", ", after.Except(before).Select(e => e.Path))}");
    }

    [TestMethod]
    public void AppWithTwoPythonLibrariesPublishesTheStandardLibrarysPycsOnce()
    {
        // Both libraries bundle the same stdlib: its pycs must be the same files too, or publish fails (NETSDK1152).
        string workspace = E2EEnvironment.CreateWorkspace("PublishApp");
        string second = Path.Combine(workspace, "PyLib2");
        Directory.CreateDirectory(second);
        File.Copy(Path.Combine(workspace, "PyLib", "PyLib.csproj"), Path.Combine(second, "PyLib2.csproj"));
        File.WriteAllText(Path.Combine(second, "where2.py"), "def answer() -> int:\n    return 2\n");
        string app = Path.Combine(workspace, "App", "App.csproj");
        File.WriteAllText(app, File.ReadAllText(app).Replace(
            "<ProjectReference Include=\"../PyLib/PyLib.csproj\" />",
            "<ProjectReference Include=\"../PyLib/PyLib.csproj\" /><ProjectReference Include=\"../PyLib2/PyLib2.csproj\" />"));
        string folder = Path.Combine(workspace, "out");

        var publish = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-p:PythonCompileBytecode=true", "-o", folder, "-nodeReuse:false");

        Assert.AreEqual(0, publish.ExitCode, publish.ToString());
        Assert.AreEqual(1, Directory.GetFiles(Path.Combine(folder, "__pycache__"), "where.*.pyc").Length, "PyLib's module is precompiled.");
        Assert.AreEqual(1, Directory.GetFiles(Path.Combine(folder, "__pycache__"), "where2.*.pyc").Length, "PyLib2's module is precompiled.");
        var run = PublishHiddenPython.Run(folder, "dotnet", "App.dll");
        AssertRan(run, folder);
    }

    private static string PycOfWhere(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "__pycache__"), "where.*.pyc").Single();

    private static string Copy(Published published, string from, string to)
    {
        string target = published.Folder(to);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        var copy = DotNetCli.RunProgram("cp", published.Directory, "-a", published.Folder(from), target);
        Assert.AreEqual(0, copy.ExitCode, copy.ToString());
        return target;
    }

    // Path, size and time of every file: a file Python wrote or rewrote changes the set.
    private static List<(string Path, long Length, DateTime Written)> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (f, new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)))
            .ToList();

    private static void AssertRan(DotNetResult run, string folder)
    {
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, $"prefix: {Path.Combine(folder, "python")}", run.ToString());
        StringAssert.Contains(run.Output, "wheel: 42", run.ToString());
        StringAssert.Contains(run.Output, "stdlib: {\"sum\": \"3.3\"}", run.ToString());
    }
}
