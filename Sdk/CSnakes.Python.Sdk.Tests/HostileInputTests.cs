using System.Text.RegularExpressions;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/HostileInput: Python written to trip the build. Every case must end in a coded CSPY
/// diagnostic at the right place or in a wrapper that compiles and works — never a C# compiler error in
/// generated code, never a crashed task. One workspace is shared; each test undoes what it changes.
/// </summary>
[TestClass]
public sealed class HostileInputTests
{
    private static readonly Lazy<BuiltWorkspace> s_built = new(() =>
    {
        var workspace = E2EEnvironment.CreateWorkspace("HostileInput");
        return new BuiltWorkspace(workspace, DotNetCli.Run(workspace, "build", "HostileApp", "-nodeReuse:false"));
    });

    public TestContext TestContext { get; set; } = null!;

    private static string Workspace => s_built.Value.Directory;

    private static string Library => Path.Combine(Workspace, "Hostile");

    private static string Requirements => Path.Combine(Library, "requirements.txt");

    private static string VenvRoot => Path.Combine(Library, "obj", "python", "venv");

    private DotNetResult Build(string project, params string[] extra)
    {
        var result = DotNetCli.Run(Workspace, ["build", project, "-nodeReuse:false", "--no-restore", .. extra]);
        TestContext.WriteLine(result.ToString());
        return result;
    }

    private DotNetResult RunApp()
    {
        var result = DotNetCli.Run(Workspace, Path.Combine(Workspace, "HostileApp", "bin", "Debug", "net10.0", "HostileApp.dll"));
        TestContext.WriteLine(result.ToString());
        return result;
    }

    /// <summary>The build may fail, but only the way we designed: no compiler error, no task crash.</summary>
    private static void AssertNoCompilerErrorOrCrash(DotNetResult build)
    {
        Assert.IsFalse(Regex.IsMatch(build.Output, @"error CS\d{4}"), $"a C# compiler error reached the user:\n{build}");
        Assert.IsFalse(Regex.IsMatch(build.Output, @"\.g\.cs\(\d+"), $"a diagnostic points into generated code:\n{build}");
        Assert.IsFalse(build.Output.Contains("error MSB4018", StringComparison.Ordinal), $"a task crashed:\n{build}");
    }

    [ClassInitialize]
    public static void BuildOnce(TestContext context)
    {
        context.WriteLine(s_built.Value.FirstBuild.ToString());
    }

    [TestMethod]
    public void TrickyNamesAnnotationsAndDefaultsBuildWithCodedWarningsAndWorkingWrappers()
    {
        var build = s_built.Value.FirstBuild;
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        AssertNoCompilerErrorOrCrash(build);
        Assert.IsFalse(Regex.IsMatch(build.Output, @"warning CS\d{4}"), $"generated code produced compiler warnings:\n{build}");

        string annotations = Regex.Escape(Path.Combine(Library, "annotations.py"));
        foreach (int line in new[] { 5, 9, 13, 17, 21, 25 })
        {
            StringAssert.Matches(build.Output, new Regex($@"{annotations}\({line},\d+\): warning CSPY3001:"), $"no CSPY3001 at annotations.py line {line}");
        }

        // A positional-only parameter with a computed default is optional too: left out, Python computes it.
        Assert.IsFalse(Regex.IsMatch(build.Output, Regex.Escape(Path.Combine(Library, "defaults.py")) + @"\(32,\d+\): warning"), "positional_only_computed got a warning");

        var run = RunApp();
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        string[] expected =
        [
            "lock: 1-p-s-0", "event: 5", "keywords: module-named", "to_string: not object.ToString", "get_hash_code: 7",
            "python_module: not the property", "locals_clash: 21", "unknown_type: 5", "string_garbage: 1",
            "huge_int: 99999999999999999999999", "infinite_float: inf", "computed: 1000 nan", "computed_given: 7 0.5",
            "none_for_int: None", "wrong_type: 5", "odd_string: 38", "tuple_default: 3", "positional_only_computed: 4 1180591620717411303424",
            "negative_and_minus_zero: -5 -0.0", "cafe: café", "bom: 1", "wheel: 42",
        ];
        CollectionAssert.AreEqual(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [TestMethod]
    [DataRow("indent", @"indent\.py\(7,\d+\): error CSPY2001:", DisplayName = "indentation error → CSPY2001 at its line")]
    [DataRow("notutf8", @"notutf8\.py\(6,\d+\): error CSPY2001:", DisplayName = "non-UTF-8 byte → CSPY2001 at its line")]
    [DataRow("accessor-collision", @"stats_smoothing\.py : error CSPY3002: .*'stats/smoothing\.py'.*'stats_smoothing\.py'", DisplayName = "two modules, one accessor → CSPY3002 naming both")]
    public void BadPythonFailsWithTheDocumentedCodeAtFileAndLine(string scenario, string expected)
    {
        var added = scenario switch
        {
            "indent" => new Dictionary<string, byte[]> { ["indent.py"] = "def ok() -> int:\n    return 1\n\n\ndef bad() -> int:\n  x = 1\n    return x\n"u8.ToArray() },
            "notutf8" => new Dictionary<string, byte[]> { ["notutf8.py"] = [.. "def ok() -> str:\n    return \"a\"\n\n\ndef bad() -> str:\n    return \"caf"u8, 0xE9, .. "\"\n"u8] },
            "accessor-collision" => new Dictionary<string, byte[]>
            {
                ["stats/__init__.py"] = [],
                ["stats/smoothing.py"] = "def a() -> int:\n    return 1\n"u8.ToArray(),
                ["stats_smoothing.py"] = "def b() -> int:\n    return 2\n"u8.ToArray(),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        try
        {
            foreach (var (name, bytes) in added)
            {
                string path = Path.Combine(Library, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }

            var build = Build("Hostile");
            Assert.AreNotEqual(0, build.ExitCode, "the build passed");
            StringAssert.Matches(build.Output, new Regex(expected));
            AssertNoCompilerErrorOrCrash(build);
        }
        finally
        {
            foreach (var name in added.Keys)
            {
                File.Delete(Path.Combine(Library, name));
            }

            if (Directory.Exists(Path.Combine(Library, "stats")))
            {
                Directory.Delete(Path.Combine(Library, "stats"), recursive: true);
            }
        }
    }

    [TestMethod]
    public void AnAccessorCollisionIsResolvedByGivingOneFileNoWrapper()
    {
        // What CSPY3002 suggests where renaming is not an option (a package copied in, such as six's
        // moves/urllib/error.pyi beside moves/urllib_error.pyi): GenerateWrapper="false" on one of the files.
        var project = Path.Combine(Library, "Hostile.csproj");
        var original = File.ReadAllText(project);
        try
        {
            Directory.CreateDirectory(Path.Combine(Library, "stats"));
            File.WriteAllText(Path.Combine(Library, "stats", "__init__.py"), "");
            File.WriteAllText(Path.Combine(Library, "stats", "smoothing.py"), "def a() -> int:\n    return 1\n");
            File.WriteAllText(Path.Combine(Library, "stats_smoothing.py"), "def b() -> int:\n    return 2\n");
            var end = original.LastIndexOf("</Project>", StringComparison.Ordinal);
            File.WriteAllText(project, original[..end] + """
                  <ItemGroup>
                    <PythonFile Update="stats_smoothing.py" GenerateWrapper="false" />
                  </ItemGroup>

                """ + original[end..]);

            var build = Build("Hostile");

            Assert.AreEqual(0, build.ExitCode, build.Output);
            Assert.IsFalse(build.Output.Contains("CSPY3002", StringComparison.Ordinal), build.Output);
            var generated = Directory.GetFiles(Path.Combine(Library, "obj"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            CollectionAssert.Contains(generated, "stats.smoothing.g.cs");
            CollectionAssert.DoesNotContain(generated, "stats_smoothing.g.cs");
            // Still a module of the library: copied to the output beside the others.
            Assert.IsTrue(Directory.GetFiles(Path.Combine(Library, "bin"), "stats_smoothing.py", SearchOption.AllDirectories).Length > 0, "stats_smoothing.py was not copied to the output");
        }
        finally
        {
            File.WriteAllText(project, original);
            File.Delete(Path.Combine(Library, "stats_smoothing.py"));
            if (Directory.Exists(Path.Combine(Library, "stats")))
            {
                Directory.Delete(Path.Combine(Library, "stats"), recursive: true);
            }
        }
    }

    [TestMethod]
    public void APythonVersionNothingSatisfiesIsCspy0001ListingTheCandidates()
    {
        var build = Build("Hostile", "-p:PythonVersion=3.99");
        Assert.AreNotEqual(0, build.ExitCode);
        StringAssert.Contains(build.Output, "error CSPY0001");
        StringAssert.Contains(build.Output, "does not match PythonVersion '3.99'");
        AssertNoCompilerErrorOrCrash(build);
    }

    [TestMethod]
    public void AnUnreadableRequirementsFileIsCspy1007NotACrash()
    {
        string saved = File.ReadAllText(Requirements);
        File.Delete(Requirements);
        File.CreateSymbolicLink(Requirements, Path.Combine(Workspace, "no-such-requirements.txt"));
        try
        {
            var build = Build("Hostile");
            Assert.AreNotEqual(0, build.ExitCode);
            StringAssert.Contains(build.Output, "error CSPY1007");
            StringAssert.Contains(build.Output, $"cannot be read: Could not find file '{Requirements}'");
            AssertNoCompilerErrorOrCrash(build);
        }
        finally
        {
            File.Delete(Requirements);
            File.WriteAllText(Requirements, saved);
        }
    }

    [TestMethod]
    public void ARequirementThatDoesNotExistIsCspy1002AtItsLineAndThePreviousVenvKeepsWorking()
    {
        Assert.AreEqual(0, s_built.Value.FirstBuild.ExitCode, "the shared workspace did not build");
        string saved = File.ReadAllText(Requirements);
        File.AppendAllText(Requirements, "csnakes-no-such-package==1.0\n");
        int line = File.ReadAllLines(Requirements).Length;
        try
        {
            var build = Build("Hostile");
            Assert.AreNotEqual(0, build.ExitCode);
            StringAssert.Matches(build.Output, new Regex(Regex.Escape(Requirements) + $@"\({line}(,\d+)*\): error CSPY1002:"));
            AssertNoCompilerErrorOrCrash(build);
        }
        finally
        {
            File.WriteAllText(Requirements, saved);
        }

        var again = Build("HostileApp");
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        StringAssert.Contains(RunApp().Output, "wheel: 42");
    }

    [TestMethod]
    public void AVenvFolderDeletedBetweenBuildsIsRebuilt()
    {
        Assert.AreEqual(0, s_built.Value.FirstBuild.ExitCode, "the shared workspace did not build");
        Assert.IsTrue(Directory.Exists(VenvRoot), $"expected the venv under {VenvRoot}");
        Directory.Delete(VenvRoot, recursive: true);

        var build = Build("HostileApp");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.IsTrue(Directory.Exists(VenvRoot), "the venv was not recreated");
        StringAssert.Contains(RunApp().Output, "wheel: 42");
    }

    [TestMethod]
    public void TwoBuildsOfTheSameProjectAtOnceLeaveAWorkingVenv()
    {
        Assert.AreEqual(0, s_built.Value.FirstBuild.ExitCode, "the shared workspace did not build");
        // Force both builds to (want to) create the venv at the same moment.
        Directory.Delete(VenvRoot, recursive: true);
        var builds = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => DotNetCli.Run(Workspace, "msbuild", "Hostile", "-t:CreatePythonVenv", "-nodeReuse:false", "-v:n")))
            .ToArray();
        Task.WaitAll(builds);
        foreach (var build in builds.Select(b => b.Result))
        {
            TestContext.WriteLine(build.ToString());
            Assert.AreEqual(0, build.ExitCode, build.ToString());
            AssertNoCompilerErrorOrCrash(build);
        }

        var app = Build("HostileApp");
        Assert.AreEqual(0, app.ExitCode, app.ToString());
        StringAssert.Contains(RunApp().Output, "wheel: 42");
    }
}
