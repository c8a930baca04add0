using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/InstalledPackages: a Python project with no .py file, only <c>PythonImport</c> items, built against a
/// Python whose system site-packages hold Debian's real packages: jinja2 and rich (typed inline, py.typed), yaml (typed
/// by the yaml-stubs package of python3-typeshed) and the standard library's json, re, sqlite3 and pathlib (typeshed's
/// stubs carried by python3-mypy). The app calls each through its wrappers; every line must equal the same call made in Python,
/// including the Python exceptions each raises, caught in C# by their generated types (sqlite3.OperationalError,
/// json.JSONDecodeError also as the runtime's ValueError, jinja2.TemplateSyntaxError as its base TemplateError).
/// </summary>
[TestClass]
public sealed class InstalledPackagesTests
{
    // The same calls as App/Program.cs, printed the same way.
    private const string ExpectedScript = """
        import sys, jinja2, yaml, json, re, sqlite3, pathlib, rich.text
        sys.stdout.reconfigure(encoding="utf-8")
        template = jinja2.Environment(autoescape=True).from_string("Hello {{ name }}, {{ items|join(', ') }}!")
        print("jinja2:", template.render(name="<Ada>", items=[1, 2, 3]))
        print("yaml:", yaml.safe_load("name: Ada\nlanguages: [python, csharp]\n"))
        parsed = json.loads('{"a": [1, 2.5, null], "b": true}')
        print("json_loads:", parsed)
        print("json_dumps:", json.dumps(parsed, sort_keys=True))
        match = re.compile(r"(\w+)@(\w+)\.com").search("mail ada@example.com now")
        print(f"re: {match.group()}|{match.span()[0]}|{match.span()[1]}")
        connection = sqlite3.connect(":memory:")
        connection.execute("create table t (x integer, y text)")
        connection.execute("insert into t values (?, ?)", (1, "one"))
        connection.execute("insert into t values (?, ?)", (2, "two"))
        print("sqlite3:", "|".join(str(row) for row in connection.execute("select x, y from t order by x").fetchall()))
        root = pathlib.PurePath("/usr", "lib")
        directory = root / "python3"
        file = directory / "site.tar.gz"
        print(f"pathlib: {file}|{file.name}|{file.suffix}|{file.stem}|{file.parent}|{','.join(file.suffixes)}|"
              f"{','.join(file.parts)}|{file.with_suffix('.zip')}|{file.is_absolute()}|{directory < file}")
        text = rich.text.Text.from_markup("[bold]Hello[/bold], [italic]world[/italic]!")
        plain, length = text.plain, len(text)
        appended = text.append(" Bye.", style="red")
        spans = ",".join(f"{s.start}-{s.end}:{s.style}" for s in appended.spans)
        print(f"rich: {plain}|{length}|{appended.plain}|{spans}|{text.markup}")
        def qualified(e):
            return type(e).__module__ + "." + type(e).__qualname__
        try:
            sqlite3.connect(":memory:").execute("select * from missing_table")
        except sqlite3.OperationalError as e:
            print(f"sqlite3_error: {qualified(e)}|{isinstance(e, sqlite3.DatabaseError)}|{e}")
        try:
            json.loads('{"a": ')
        except json.JSONDecodeError as e:
            print(f"json_error: {qualified(e)}|{e}")
        try:
            jinja2.Environment().from_string("{% if %}")
        except jinja2.TemplateSyntaxError as e:
            print(f"jinja2_error: {qualified(e)}|{e}")
        """;

    private static readonly Lazy<(string? Python, string Reason)> s_python = new(FindPython);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void InstalledModulesAreCalledThroughTheirWrappersAndReturnWhatPythonReturns()
    {
        var python = RequirePython();
        var workspace = E2EEnvironment.CreateWorkspace("InstalledPackages");

        var build = DotNetCli.Run(workspace, "build", "App", "-nodeReuse:false", $"-p:PythonExecutable={python}");
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, "build failed:\n" + ErrorLines(build));
        // Where the types came from: the generated headers name the files read (stubs package, py.typed package, typeshed).
        var generated = Path.Combine(workspace, "Installed", "obj", "Debug", "net10.0", "python", "generated");
        StringAssert.Contains(File.ReadAllText(Path.Combine(generated, "yaml.g.cs")), "yaml-stubs/__init__.pyi");
        StringAssert.Contains(File.ReadAllText(Path.Combine(generated, "sqlite3.g.cs")), "typeshed/stdlib/sqlite3/__init__.pyi");
        StringAssert.Contains(File.ReadAllText(Path.Combine(generated, "jinja2.g.cs")), "jinja2/__init__.py");
        StringAssert.Contains(File.ReadAllText(Path.Combine(generated, "rich.text.g.cs")), "rich/text.py");
        StringAssert.Contains(File.ReadAllText(Path.Combine(generated, "pathlib.g.cs")), "typeshed/stdlib/pathlib");
        // Submodules="false": jinja2 alone; yaml's public submodules are wrapped, its private ones are only read.
        Assert.IsFalse(File.Exists(Path.Combine(generated, "jinja2.environment.g.cs")), "jinja2 has Submodules=\"false\", yet jinja2.environment got a wrapper");
        Assert.IsTrue(File.Exists(Path.Combine(generated, "yaml.nodes.g.cs")), "yaml's submodule yaml.nodes got no wrapper");
        Assert.IsFalse(Directory.EnumerateFiles(generated, "*._*.g.cs").Any(), "a private module got a wrapper");

        var run = DotNetCli.Run(workspace, "run", "--project", "App", "--no-build");
        TestContext.WriteLine(run.ToString());
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var expected = DotNetCli.RunProgram(python, workspace, "-I", "-c", ExpectedScript);
        Assert.AreEqual(0, expected.ExitCode, expected.ToString());
        var actual = Lines(run.Output);
        var missing = Lines(expected.Output).Where(line => !actual.Contains(line)).ToList();
        Assert.AreEqual(0, missing.Count, $"Lines Python printed that the app did not:\n{string.Join('\n', missing)}\nThe app printed:\n{run.Output}");

        // A no-change build reuses what the locator found: no Python runs for the imports, no generation.
        var again = DotNetCli.Run(workspace, "build", "App", "-nodeReuse:false", "--no-restore", "-v:d", $"-p:PythonExecutable={python}");
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        StringAssert.Contains(again.Output, "PythonImport: the environment is unchanged");
        Assert.IsFalse(again.Output.Contains("Task \"GeneratePythonWrappers\""), "code generation ran on a no-change build");

        // Installing a package into the environment is a change: the imports are looked up again. A wheel is unpacked into
        // the venv's site-packages as an installer does (pip is not in every venv: the SDK makes them without it).
        var venvPython = Path.Combine(VenvOf(workspace), "bin", "python");
        var wheel = Directory.GetFiles(E2EEnvironment.WheelDirectory, $"{TinyWheel.Name}-1.0-*.whl").Single();
        var install = DotNetCli.RunProgram(venvPython, workspace, "-c",
            "import sys, sysconfig, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sysconfig.get_paths()['purelib'])", wheel);
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        var afterInstall = DotNetCli.Run(workspace, "build", "App", "-nodeReuse:false", "--no-restore", "-v:d", $"-p:PythonExecutable={python}");
        Assert.AreEqual(0, afterInstall.ExitCode, afterInstall.ToString());
        Assert.IsFalse(afterInstall.Output.Contains("PythonImport: the environment is unchanged"), "the imports were not looked up again after a package was installed");
    }

    [TestMethod]
    public void AnImportThatIsNotInstalledOrIsAProjectModuleIsACodedErrorNamingIt()
    {
        var python = RequirePython();
        var workspace = E2EEnvironment.CreateWorkspace("InstalledPackages");
        var project = Path.Combine(workspace, "Installed", "Installed.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(
            "<PythonImport Include=\"yaml;json;re;sqlite3;pathlib\" />",
            "<PythonImport Include=\"no_such_module_here\" /><PythonImport Include=\"shadowed.sub\" />"));
        File.WriteAllText(Path.Combine(workspace, "Installed", "shadowed.py"), "def f(x: int) -> int:\n    return x\n");

        var build = DotNetCli.Run(workspace, "build", "Installed", "-nodeReuse:false", $"-p:PythonExecutable={python}");
        TestContext.WriteLine(build.ToString());
        Assert.AreNotEqual(0, build.ExitCode);
        var errors = ErrorLines(build);
        StringAssert.Contains(errors, "error CSPY3010: PythonImport 'no_such_module_here' is not importable");
        StringAssert.Contains(errors, "error CSPY3011: PythonImport 'shadowed.sub' names the top-level module 'shadowed', which the project itself holds");
        // The good import beside them still resolved; nothing else failed.
        Assert.AreEqual(2, errors.Split('\n').Count(l => l.Contains(": error ", StringComparison.Ordinal)), errors);
    }

    private static string RequirePython()
    {
        if (s_python.Value.Python is null)
        {
            Assert.Inconclusive(s_python.Value.Reason);
        }
        return s_python.Value.Python!;
    }

    // An interpreter that imports jinja2, rich, yaml and mypy (typeshed) and sees the yaml-stubs package: Debian's python3-jinja2,
    // python3-rich, python3-yaml, python3-mypy and python3-typeshed. The run's own choice first (CSNAKES_PYTHON), then Debian's.
    private static (string?, string) FindPython()
    {
        const string probe = "import jinja2, rich.text, yaml, mypy, os, sys; sys.exit(0 if any(os.path.isdir(os.path.join(p, 'yaml-stubs')) for p in sys.path) else 3)";
        var tried = new List<string>();
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("CSNAKES_PYTHON"), "/usr/bin/python3.11", "/usr/bin/python3" }.OfType<string>().Where(c => c.Length > 0).Distinct())
        {
            if (!File.Exists(candidate))
            {
                tried.Add($"{candidate}: missing");
                continue;
            }
            var result = DotNetCli.RunProgram(candidate, "/", "-I", "-c", probe);
            if (result.ExitCode == 0)
            {
                return (candidate, "");
            }
            tried.Add($"{candidate}: lacks jinja2, rich, yaml, mypy or yaml-stubs");
        }
        return (null, "No interpreter here has Debian's python3-jinja2, python3-rich, python3-yaml, python3-mypy and python3-typeshed: " + string.Join("; ", tried));
    }

    private static string VenvOf(string workspace)
    {
        var manifest = Path.Combine(workspace, "App", "bin", "Debug", "net10.0", "Installed.csnakes.json");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.GetProperty("venv").GetString()!;
    }

    private static string ErrorLines(DotNetResult result) =>
        string.Join('\n', result.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct());

    private static HashSet<string> Lines(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
}
