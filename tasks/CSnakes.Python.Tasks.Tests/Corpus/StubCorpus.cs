using System.Diagnostics;
using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.Corpus;

/// <summary>
/// A real-world folder of stubs (typeshed's stdlib, numpy's own .pyi files) copied into a throw-away
/// project folder and run through the real GeneratePythonWrappers task once; the tests share the run.
/// </summary>
internal sealed class StubCorpus
{
    // One interpreter for the whole corpus keeps the run affordable on two cores.
    public const string PythonVersion = "3.13.0";

    public const string TypeshedStdlib = "/usr/lib/python3/dist-packages/mypy/typeshed/stdlib";
    public const string NumpyPackage = "/usr/lib/python3/dist-packages/numpy";
    public const string MypyPackage = "/usr/lib/python3/dist-packages/mypy";
    public const string DistPackages = "/usr/lib/python3/dist-packages";

    private static readonly Lazy<StubCorpus> s_typeshed = new(() => Generate("typeshed", TypeshedStdlib, ""), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<StubCorpus> s_numpy = new(() => Generate("numpy", NumpyPackage, "numpy"), LazyThreadSafetyMode.ExecutionAndPublication);
    // mypy's own sources: a large inline-annotated codebase (no stubs), less the stubs it ships and its tests.
    private static readonly Lazy<StubCorpus> s_thirdParty = new(GenerateThirdParty, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<StubCorpus> s_mypy = new(() => Generate("mypy", MypyPackage, "mypy", "*.py", ["typeshed", "test"]), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly List<string> s_folders = [];

    private StubCorpus(string name, string source, string folder, string python)
    {
        Name = name;
        Source = source;
        Folder = folder;
        Python = python;
    }

    public string Name { get; }

    /// <summary>The folder the stubs were copied from (typeshed's VERSIONS file stays there).</summary>
    public string Source { get; }

    /// <summary>The throw-away folder: <c>py/</c> holds the stubs, <c>app/</c> the generated code.</summary>
    public string Folder { get; }

    public string Python { get; }

    public string PythonRoot => Path.Combine(Folder, "py");

    public string GeneratedDirectory => Path.Combine(Folder, "app", "generated");

    public int StubCount { get; private set; }

    public bool TaskSucceeded { get; private set; }

    public TimeSpan GenerationTime { get; private set; }

    public FakeBuildEngine Engine { get; } = new();

    /// <summary>Generated file text by Python module name.</summary>
    public IReadOnlyDictionary<string, string> Generated { get; private set; } = new Dictionary<string, string>();

    public static StubCorpus Typeshed()
    {
        RequireFolder(TypeshedStdlib, "typeshed's stdlib stubs (Debian package python3-mypy)");
        return s_typeshed.Value;
    }

    public static StubCorpus Numpy()
    {
        RequireFolder(NumpyPackage, "numpy's stubs (Debian package python3-numpy)");
        return s_numpy.Value;
    }

    /// <summary>
    /// typeshed's third-party stubs (Debian package python3-typeshed): ~200 PEP 561 <c>&lt;package&gt;-stubs</c> folders,
    /// each placed as its package in one project.
    /// </summary>
    public static StubCorpus ThirdPartyStubs()
    {
        if (!Directory.Exists(DistPackages) || !Directory.EnumerateDirectories(DistPackages, "*-stubs").Any(d => File.Exists(Path.Combine(d, "METADATA.toml"))))
        {
            Assert.Inconclusive($"typeshed's third-party stubs (Debian package python3-typeshed) not installed: no <package>-stubs folder with METADATA.toml in {DistPackages}.");
        }
        return s_thirdParty.Value;
    }

    private static StubCorpus GenerateThirdParty()
    {
        var roots = Directory.EnumerateDirectories(DistPackages, "*-stubs")
            .Where(d => File.Exists(Path.Combine(d, "METADATA.toml")))
            .Select(d => (Folder: d, Prefix: Path.GetFileName(d)[..^"-stubs".Length]))
            // A stub of a stdlib backport (contextvars) would shadow the stdlib module, which the generator refuses.
            .Where(r => r.Prefix != "contextvars")
            .Order()
            .ToList();
        // Two pairs of modules share a C# name (CSPY3002); one of each gets no wrapper, as that error advises.
        string[] leftOut = ["six/moves/urllib_", "dateparser_data/"];
        return Generate("typeshed-third-party", DistPackages, roots, "*.pyi", skipped: [], leftOut);
    }

    public static StubCorpus Mypy()
    {
        RequireFolder(MypyPackage, "mypy's sources (Debian package python3-mypy)");
        return s_mypy.Value;
    }

    /// <summary>Deletes the throw-away folders, unless CSNAKES_CORPUS_KEEP=1 asks to keep them for a look at the generated code.</summary>
    public static void DeleteFolders()
    {
        if (Environment.GetEnvironmentVariable("CSNAKES_CORPUS_KEEP") == "1")
        {
            return;
        }
        lock (s_folders)
        {
            foreach (var folder in s_folders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: a leftover temp folder is harmless.
                }
            }
            s_folders.Clear();
        }
    }

    private static void RequireFolder(string folder, string what)
    {
        if (!Directory.Exists(folder))
        {
            Assert.Inconclusive($"{what} not installed: {folder} is missing.");
        }
    }

    // prefix: the package folder the stubs live under, so module names come out as e.g. numpy.linalg;
    // pattern: the files read (stubs, or a package's sources); skipped: top-level folders of source left out.
    private static StubCorpus Generate(string name, string source, string prefix, string pattern = "*.pyi", string[]? skipped = null) =>
        Generate(name, source, [(source, prefix)], pattern, skipped ?? [], leftOut: []);

    // roots: (folder, the package path its files go under); leftOut: files (as placed, '/'-separated) given no wrapper.
    private static StubCorpus Generate(string name, string source, IReadOnlyList<(string Folder, string Prefix)> roots, string pattern, string[] skipped, string[] leftOut)
    {
        var python = PyenvPython.Require(PythonVersion);
        var folder = Path.Combine(Path.GetTempPath(), $"cspy-corpus-{name}-" + Guid.NewGuid().ToString("N")[..8]);
        lock (s_folders)
        {
            s_folders.Add(folder);
        }
        var corpus = new StubCorpus(name, source, folder, python);
        var stubs = new List<ITaskItem>();
        foreach (var (root, prefix) in roots)
        {
            foreach (var stub in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, stub);
                var placed = Path.Combine(prefix, relative).Replace(Path.DirectorySeparatorChar, '/');
                if (skipped.Contains(relative.Split(Path.DirectorySeparatorChar)[0]) || leftOut.Any(placed.StartsWith))
                {
                    continue;
                }
                var target = Path.Combine(corpus.PythonRoot, prefix, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(stub, target);
                stubs.Add(new TaskItem(target));
            }
        }
        corpus.StubCount = stubs.Count;

        var task = new GeneratePythonWrappers
        {
            BuildEngine = corpus.Engine,
            PythonExecutable = python,
            PythonFiles = stubs.ToArray(),
            ProjectDirectory = corpus.PythonRoot,
            RootNamespace = "Corpus.App",
            OutputDirectory = corpus.GeneratedDirectory,
        };
        var stopwatch = Stopwatch.StartNew();
        corpus.TaskSucceeded = task.Execute();
        corpus.GenerationTime = stopwatch.Elapsed;
        corpus.Generated = task.GeneratedFiles.ToDictionary(f => f.GetMetadata("ModuleName"), f => File.ReadAllText(f.ItemSpec), StringComparer.Ordinal);
        return corpus;
    }

    /// <summary>Every diagnostic the task logged (errors, warnings and messages of any importance) as "file: code: text".</summary>
    public IReadOnlyList<string> AllDiagnostics() =>
        Engine.Errors.Select(e => $"{e.File}: {e.Code}: {e.Message}")
            .Concat(Engine.Warnings.Select(w => $"{w.File}: {w.Code}: {w.Message}"))
            .Concat(Engine.Messages.Select(m => m.Message ?? ""))
            .ToList();
}
