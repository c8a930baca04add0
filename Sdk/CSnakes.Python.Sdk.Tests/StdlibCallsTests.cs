using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/StdlibCalls: wrappers generated from typeshed's real stdlib stubs (copied in from Debian's
/// python3-mypy) are called from C#, and each result must equal the same call made in Python itself.
/// </summary>
[TestClass]
public sealed class StdlibCallsTests
{
    private const string Typeshed = "/usr/lib/python3/dist-packages/mypy/typeshed/stdlib";

    // The stubs the app calls into, plus the ones they re-export from (os.path -> posixpath -> genericpath,
    // bisect -> _bisect, operator -> _operator) and the annotation helpers they import (_typeshed/).
    private static readonly string[] s_stubs =
    [
        "statistics.pyi", "math.pyi", "zlib.pyi", "shlex.pyi", "os/path.pyi", "posixpath.pyi", "genericpath.pyi",
        "bisect.pyi", "_bisect.pyi", "operator.pyi", "_operator.pyi", "binascii.pyi", "urllib/__init__.pyi",
        "urllib/parse.pyi", "itertools.pyi",
    ];

    // The same calls as App/Program.cs, printed the same way: "name: str(result)".
    private const string ExpectedScript = """
        import sys, statistics, math, zlib, shlex, os.path, bisect, operator, binascii, urllib.parse, itertools
        sys.stdout.reconfigure(encoding="utf-8")
        print("fmean:", statistics.fmean([1.0, 2.5, 4.0]))
        print("gcd:", math.gcd(12, 18))
        print("log:", math.log(8, 2))
        print("crc32:", zlib.crc32(b"hello", 5))
        print("shlex_join:", shlex.join(["echo", "a b", "it's"]))
        print("path_join:", os.path.join("usr", "lib", "x.txt"))
        print("bisect_left:", bisect.bisect_left([1, 3, 5, 7], 5))
        print("add:", operator.add(40, 2))
        print("hexlify:", binascii.hexlify(bytes([0x01, 0xab, 0xff])))
        print("unquote:", urllib.parse.unquote("a%20b%2Fc%C3%A9"))
        copies = itertools.tee([1, 2, 3], 2)
        print(f"tee: {len(copies)}|" + "|".join(",".join(str(i) for i in copy) for copy in copies))
        """;

    public TestContext TestContext { get; set; } = null!;

    // typeshed turns a module into a package when the stdlib does (3.15's math.integer: math/__init__.pyi).
    private static string StubFile(string module) =>
        File.Exists(Path.Combine(Typeshed, module)) ? module : Path.Combine(module[..^".pyi".Length], "__init__.pyi");

    [TestMethod]
    public void StdlibFunctionsCalledThroughTypeshedWrappersReturnWhatPythonReturns()
    {
        if (!Directory.Exists(Typeshed))
        {
            Assert.Inconclusive($"typeshed's stdlib stubs (Debian package python3-mypy) are not installed: {Typeshed} is missing.");
        }
        var workspace = E2EEnvironment.CreateWorkspace("StdlibCalls");
        var stubs = Path.Combine(workspace, "Stubs");
        foreach (var stub in s_stubs.Select(StubFile).Concat(Directory.EnumerateFiles(Path.Combine(Typeshed, "_typeshed"), "*.pyi").Select(f => Path.GetRelativePath(Typeshed, f))))
        {
            var target = Path.Combine(stubs, stub);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Typeshed, stub), target);
        }

        var build = DotNetCli.Run(workspace, "build", "App", "-nodeReuse:false");
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, "build failed:\n" + string.Join('\n', build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct()));

        var run = DotNetCli.Run(workspace, "run", "--project", "App", "--no-build");
        TestContext.WriteLine(run.ToString());
        Assert.AreEqual(0, run.ExitCode, run.ToString());

        var expected = DotNetCli.RunProgram(BaseInterpreter(workspace), workspace, "-I", "-c", ExpectedScript);
        TestContext.WriteLine(expected.ToString());
        Assert.AreEqual(0, expected.ExitCode, expected.ToString());
        var actual = Lines(run.Output);
        var missing = Lines(expected.Output).Where(line => !actual.Contains(line)).ToList();
        Assert.AreEqual(0, missing.Count, $"Lines Python printed that the app did not:\n{string.Join('\n', missing)}\nThe app printed:\n{run.Output}");
    }

    // The interpreter the build resolved, as the manifest next to the app names it.
    private static string BaseInterpreter(string workspace)
    {
        var manifest = Path.Combine(workspace, "App", "bin", "Debug", "net10.0", "Stubs.csnakes.json");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.GetProperty("python").GetProperty("executable").GetString()!;
    }

    private static HashSet<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
}
