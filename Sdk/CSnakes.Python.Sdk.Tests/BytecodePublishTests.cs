namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// `dotnet publish -p:PythonCompileBytecode=true` ships a .pyc beside every published .py, and the app then
/// starts without compiling or writing anything. Start-up with and without is measured and printed (not asserted).
/// </summary>
[TestClass]
public sealed class BytecodePublishTests
{
    private const int Runs = 7;

    public TestContext TestContext { get; set; } = null!;

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

    [TestMethod]
    public void MeasureStartUpWithAndWithoutBytecode()
    {
        var published = PublishedWorkspace.Get();
        Assert.AreEqual(0, published.FrameworkDependent.ExitCode, published.FrameworkDependent.ToString());
        Assert.AreEqual(0, published.Bytecode.ExitCode, published.Bytecode.ToString());
        // Fresh copies: other tests run the plain folder, which leaves Python's own caches in it.
        string compilingFolder = Copy(published, "fd", "measure-compiling");
        string warmFolder = Copy(published, "fd", "measure-warm");
        string bytecodeFolder = Copy(published, "pyc", "measure-pyc");
        DeletePycaches(compilingFolder);
        DeletePycaches(warmFolder);
        RunApp(warmFolder); // writes Python's own __pycache__: the warm case

        // Round-robin, so load from other work on the machine falls on all three alike.
        var compiling = new List<double>();
        var warm = new List<double>();
        var shipped = new List<double>();
        for (int i = 0; i < Runs; i++)
        {
            // Without bytecode every start compiles until one has written __pycache__: every start, if read-only.
            DeletePycaches(compilingFolder);
            compiling.Add(RunApp(compilingFolder));
            warm.Add(RunApp(warmFolder));
            shipped.Add(RunApp(bytecodeFolder));
        }

        TestContext.WriteLine($"MEASURED start-up (framework-dependent, Python hidden, whole process, median of {Runs}): " +
            $"no bytecode first run (compiles; every run if read-only) {Median(compiling):F0} ms [{string.Join(", ", compiling.Select(t => t.ToString("F0")))}], " +
            $"no bytecode after its own __pycache__ was written {Median(warm):F0} ms [{string.Join(", ", warm.Select(t => t.ToString("F0")))}], " +
            $"PythonCompileBytecode=true {Median(shipped):F0} ms [{string.Join(", ", shipped.Select(t => t.ToString("F0")))}]");
        TestContext.WriteLine($"MEASURED bundle: without bytecode python/ {MiB(Path.Combine(published.Folder("fd"), "python"), withPycaches: false):F1} MiB, folder {MiB(published.Folder("fd"), withPycaches: false):F1} MiB; " +
            $"with bytecode python/ {MiB(Path.Combine(published.Folder("pyc"), "python"), withPycaches: true):F1} MiB, folder {MiB(published.Folder("pyc"), withPycaches: true):F1} MiB, " +
            $"{Directory.GetFiles(published.Folder("pyc"), "*.pyc", SearchOption.AllDirectories).Length} pyc files");
        TestContext.WriteLine($"MEASURED publish: no-change republish without bytecode {published.FrameworkDependentAgain.Elapsed.TotalSeconds:F1} s; " +
            $"first publish with PythonCompileBytecode=true (venv and wrappers already built, so mostly compiling) {published.Bytecode.Elapsed.TotalSeconds:F1} s; " +
            $"no-change republish with it {published.BytecodeAgain.Elapsed.TotalSeconds:F1} s");
    }

    private static double RunApp(string folder)
    {
        var run = PublishHiddenPython.Run(folder, "dotnet", "App.dll");
        AssertRan(run, folder);
        return run.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    // The plain folder is measured without __pycache__: other tests run it, and Python writes its caches there.
    private static double MiB(string folder, bool withPycaches) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => withPycaches || !f.Contains($"{Path.DirectorySeparatorChar}__pycache__{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length) / 1048576.0;

    private static string PycOfWhere(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "__pycache__"), "where.*.pyc").Single();

    private static void DeletePycaches(string folder)
    {
        foreach (var cache in Directory.GetDirectories(folder, "__pycache__", SearchOption.AllDirectories))
        {
            Directory.Delete(cache, recursive: true);
        }
    }

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
