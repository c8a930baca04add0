using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Publish;

/// <summary>CompilePythonBytecode with real pyenv interpreters over a small source tree under a temp root.</summary>
[TestClass]
public sealed class CompilePythonBytecodeTests
{
    private string _root = "";

    // Source (under src/) → its place in the publish folder.
    private static readonly (string Source, string Target)[] s_files =
    [
        ("pkg/__init__.py", "python/site-packages/Lib/pkg/__init__.py"),
        ("pkg/mod.py", "python/site-packages/Lib/pkg/mod.py"),
        ("stdlib/os.py", "python/lib/python3.12/os.py"),
        ("top.py", "top.py"),
        ("bad.py", "python/site-packages/Lib/bad.py"),
        ("extra.pth", "python/site-packages/Lib/extra.pth"),
    ];

    [TestInitialize]
    public void CreateSources()
    {
        _root = Path.Combine(Path.GetTempPath(), "csnakes-pyc-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var (source, _) in s_files)
        {
            string path = Path.Combine(_root, "src", source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, source switch
            {
                "top.py" => "VALUE = 1\n",
                // Python 2 only: CPython's compileall skips such files, and so do we.
                "bad.py" => "print 'hello'\n",
                _ => $"NAME = {source.Length}\n",
            });
        }
    }

    [TestCleanup]
    public void DeleteSources() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    [DataRow("3.9.18", "cpython-39")]
    [DataRow("3.12.1", "cpython-312")]
    [DataRow("3.13.0", "cpython-313")]
    public void PycsGoWhereCPythonLooksWithTheInterpretersTag(string version, string tag)
    {
        var (task, engine) = NewTask(TestPythons.RequirePyenv(version));

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var targets = task.BytecodeFiles.Select(f => f.GetMetadata("TargetPath")).OrderBy(t => t, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(new[]
        {
            $"__pycache__/top.{tag}.pyc",
            $"python/lib/python3.12/__pycache__/os.{tag}.pyc",
            $"python/site-packages/Lib/pkg/__pycache__/__init__.{tag}.pyc",
            $"python/site-packages/Lib/pkg/__pycache__/mod.{tag}.pyc",
        }, targets, string.Join(", ", targets));
        foreach (var file in task.BytecodeFiles)
        {
            string expected = Path.Combine(task.OutputDirectory, file.GetMetadata("TargetPath"));
            Assert.AreEqual(Path.GetFullPath(expected), file.ItemSpec);
            Assert.IsTrue(File.Exists(file.ItemSpec), file.ItemSpec);
        }
    }

    [TestMethod]
    public void PycsAreUncheckedHashForTheInterpretersMagicNumber()
    {
        string python = TestPythons.RequirePyenv("3.12.1");
        var (task, engine) = NewTask(python);

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        var magic = Run(python, _root, "-I", "-c", "import importlib.util, sys; sys.stdout.write(importlib.util.MAGIC_NUMBER.hex())").Trim();
        foreach (var file in task.BytecodeFiles)
        {
            byte[] header = File.ReadAllBytes(file.ItemSpec)[..16];
            Assert.AreEqual(magic, Convert.ToHexString(header[..4]).ToLowerInvariant(), $"magic number of {file.ItemSpec}");
            // Flags word: bit 0 = hash-based, bit 1 = check_source. 0b01 = unchecked hash.
            Assert.AreEqual(1, BitConverter.ToInt32(header, 4), $"flags of {file.ItemSpec}");
        }
    }

    [TestMethod]
    public void PublishedPycIsUsedWhateverTheSourceSays()
    {
        // Unchecked-hash pycs are trusted as they are: with the source changed after compiling, Python still
        // runs the pyc. That is what makes the copy's timestamps irrelevant and the folder never rewritten.
        string python = TestPythons.RequirePyenv("3.12.1");
        var (task, engine) = NewTask(python);
        Assert.IsTrue(task.Execute(), engine.ErrorText);

        string publish = Path.Combine(_root, "publish");
        Directory.CreateDirectory(Path.Combine(publish, "__pycache__"));
        File.WriteAllText(Path.Combine(publish, "top.py"), "VALUE = 2\n");
        var pyc = task.BytecodeFiles.Single(f => f.GetMetadata("TargetPath").StartsWith("__pycache__/top.", StringComparison.Ordinal));
        File.Copy(pyc.ItemSpec, Path.Combine(publish, pyc.GetMetadata("TargetPath")));
        var before = Directory.GetFiles(publish, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

        string output = Run(python, publish, "-c", "import sys; sys.path.insert(0, '.'); import top; print(top.VALUE)");

        Assert.AreEqual("1", output.Trim());
        CollectionAssert.AreEqual(before, Directory.GetFiles(publish, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList(),
            "Python must not rewrite or add anything.");
    }

    [TestMethod]
    public void FileThatDoesNotCompileIsSkippedWithALowImportanceMessage()
    {
        var (task, engine) = NewTask(TestPythons.RequirePyenv("3.12.1"));

        Assert.IsTrue(task.Execute(), engine.ErrorText);

        Assert.AreEqual(0, engine.Errors.Count, engine.ErrorText);
        Assert.AreEqual(0, engine.Warnings.Count);
        Assert.IsFalse(task.BytecodeFiles.Any(f => f.ItemSpec.Contains("bad.", StringComparison.Ordinal)));
        var skipped = engine.Messages.Single(m => m.Message!.Contains("bad.py", StringComparison.Ordinal));
        Assert.AreEqual(MessageImportance.Low, skipped.Importance);
        StringAssert.Contains(skipped.Message, "Not precompiling");
        StringAssert.Contains(engine.MessageText, "1 skipped");
    }

    [TestMethod]
    public void NoChangeRunReusesTheResultAndAChangedFileIsTheOnlyOneRecompiled()
    {
        string python = TestPythons.RequirePyenv("3.12.1");
        var (first, firstEngine) = NewTask(python);
        Assert.IsTrue(first.Execute(), firstEngine.ErrorText);
        StringAssert.Contains(firstEngine.MessageText, "4 files, 4 written");
        var times = first.BytecodeFiles.ToDictionary(f => f.ItemSpec, f => File.GetLastWriteTimeUtc(f.ItemSpec));

        var (second, secondEngine) = NewTask(python);
        Assert.IsTrue(second.Execute(), secondEngine.ErrorText);
        StringAssert.Contains(secondEngine.MessageText, "up to date");
        CollectionAssert.AreEquivalent(times.Keys.ToList(), second.BytecodeFiles.Select(f => f.ItemSpec).ToList());
        foreach (var (pyc, time) in times)
        {
            Assert.AreEqual(time, File.GetLastWriteTimeUtc(pyc), $"{pyc} was rewritten by a no-change run.");
        }

        File.WriteAllText(Path.Combine(_root, "src", "pkg", "mod.py"), "NAME = 'changed'\n");
        var (third, thirdEngine) = NewTask(python);
        Assert.IsTrue(third.Execute(), thirdEngine.ErrorText);
        StringAssert.Contains(thirdEngine.MessageText, "4 files, 1 written");
    }

    [TestMethod]
    public void TwoProjectsShareTheStandardLibrarysPycsAndKeepTheirOwn()
    {
        // An app with two Python libraries gets the stdlib from both: the pyc items must be the same files,
        // as the .py items are, or publish fails on duplicate outputs (NETSDK1152).
        string python = TestPythons.RequirePyenv("3.12.1");
        string shared = Path.Combine(_root, "shared");
        var (first, firstEngine) = NewTask(python);
        var (second, secondEngine) = NewTask(python);
        first.SharedOutputDirectory = shared;
        second.SharedOutputDirectory = shared;
        second.OutputDirectory = Path.Combine(_root, "obj2", "pyc");

        Assert.IsTrue(first.Execute(), firstEngine.ErrorText);
        Assert.IsTrue(second.Execute(), secondEngine.ErrorText);

        var firstStdLib = first.BytecodeFiles.Single(f => f.GetMetadata("TargetPath").StartsWith("python/lib/", StringComparison.Ordinal));
        var secondStdLib = second.BytecodeFiles.Single(f => f.GetMetadata("TargetPath").StartsWith("python/lib/", StringComparison.Ordinal));
        Assert.AreEqual(firstStdLib.ItemSpec, secondStdLib.ItemSpec);
        StringAssert.StartsWith(firstStdLib.ItemSpec, shared + Path.DirectorySeparatorChar);
        StringAssert.EndsWith(firstStdLib.ItemSpec, "/python/lib/python3.12/__pycache__/os.cpython-312.pyc");
        foreach (var own in second.BytecodeFiles.Where(f => !f.GetMetadata("TargetPath").StartsWith("python/lib/", StringComparison.Ordinal)))
        {
            StringAssert.StartsWith(own.ItemSpec, second.OutputDirectory, "Site-packages and modules stay in the project's own obj/.");
        }
        StringAssert.Contains(secondEngine.MessageText, "4 files, 3 written", "The second project reuses the shared stdlib pyc.");
    }

    [TestMethod]
    public void InterpreterThatCannotRunIsCSPY4004()
    {
        var (task, engine) = NewTask(Path.Combine(_root, "no-such-python"));

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY4004", error.Code);
        StringAssert.Contains(error.Message, "PythonCompileBytecode=false");
        StringAssert.Contains(error.Message, "no-such-python");
    }

    [TestMethod]
    public void NothingToCompileStartsNoPython()
    {
        var (task, engine) = NewTask(Path.Combine(_root, "no-such-python"));
        task.SourceFiles = task.SourceFiles.Where(f => !f.ItemSpec.EndsWith(".py", StringComparison.Ordinal)).ToArray();

        Assert.IsTrue(task.Execute(), engine.ErrorText);
        Assert.AreEqual(0, task.BytecodeFiles.Length);
    }

    private (CompilePythonBytecode Task, FakeBuildEngine Engine) NewTask(string python)
    {
        var engine = new FakeBuildEngine();
        var task = new CompilePythonBytecode
        {
            BuildEngine = engine,
            PythonExecutable = python,
            OutputDirectory = Path.Combine(_root, "obj", "pyc"),
            ProjectFile = Path.Combine(_root, "Lib.csproj"),
            SourceFiles = s_files.Select(f =>
            {
                ITaskItem item = new TaskItem(Path.Combine(_root, "src", f.Source));
                item.SetMetadata("TargetPath", f.Target);
                return item;
            }).ToArray(),
        };
        return (task, engine);
    }

    private static string Run(string python, string directory, params string[] arguments)
    {
        var result = ProcessRunner.Run(python, arguments, new ProcessRunOptions { WorkingDirectory = directory, Timeout = TimeSpan.FromMinutes(1) });
        Assert.IsTrue(result.Succeeded, $"{result.Describe()}\n{result.StandardError}");
        return result.StandardOutput;
    }
}
