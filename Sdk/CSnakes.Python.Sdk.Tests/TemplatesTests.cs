using System.Net.Http.Json;
using System.Text.Json;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// The CSnakes.Python.Templates package installed from the private feed, as a user installs it: each template
/// creates a solution that builds, runs and publishes with no edits.
/// </summary>
[TestClass]
public sealed class TemplatesTests
{
    private static readonly Lazy<string> s_hive = new(() =>
    {
        // A private template hive, so the machine's own `dotnet new` list is left alone.
        var hive = Path.Combine(E2EEnvironment.Root, "template-hive");
        var package = Path.Combine(E2EEnvironment.Feed, $"CSnakes.Python.Templates.{E2EEnvironment.Version}.nupkg");
        var install = DotNetCli.Run(E2EEnvironment.Root, "new", "install", package, "--debug:custom-hive", hive);
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        return hive;
    });

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void TheConsoleTemplateBuildsRunsAndPublishesARunnableApp()
    {
        var folder = New("csnakes-app", "Weather");

        var build = DotNetCli.Run(folder, "build", "Weather.slnx", "-nodeReuse:false");
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, "build failed");
        StringAssert.Contains(build.Output, "0 Warning(s)");

        var run = DotNetCli.Run(folder, "run", "--project", "Weather", "--no-build");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "Hello, world!");
        StringAssert.Contains(run.Output, "python: 6");

        var publishDirectory = Path.Combine(folder, "published");
        var publish = DotNetCli.Run(folder, "publish", "Weather", "-o", publishDirectory, "-nodeReuse:false");
        Assert.AreEqual(0, publish.ExitCode, publish.ToString());
        // The published folder carries its own Python: it runs with every Python of the machine hidden.
        var published = PublishHiddenPython.Run(publishDirectory, "dotnet", "Weather.dll");
        Assert.AreEqual(0, published.ExitCode, published.ToString());
        StringAssert.Contains(published.Output, "Hello, world!");
    }

    [TestMethod]
    public async Task TheWebApiTemplateServesPythonThroughInjectedModules()
    {
        var folder = New("csnakes-webapi", "Shop");

        var build = DotNetCli.Run(folder, "build", "Shop.slnx", "-nodeReuse:false");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, "0 Warning(s)");

        using var app = WebSampleProcess.Start(Path.Combine(folder, "Shop", "bin", "Debug", "net10.0"), "Shop.dll");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.AreEqual("Hello, ada!", await client.GetStringAsync("greet/ada"));
        var lengths = await client.GetFromJsonAsync<Dictionary<string, int>>("lengths?words=a,bb");
        CollectionAssert.AreEquivalent(new[] { "a=1", "bb=2" }, lengths!.Select(kv => $"{kv.Key}={kv.Value}").ToArray());
    }

    [TestMethod]
    public void TheLibraryTemplateTakesThePythonVersionOption()
    {
        // The oldest supported minor version installed here: not the newest, which a build picks by default —
        // unless the run pins one interpreter for every build (CSNAKES_PYTHON, as the Debian testing run does).
        var wanted = Environment.GetEnvironmentVariable("CSNAKES_PYTHON") is { Length: > 0 } pinned
            ? DotNetCli.RunProgram(pinned, "/", "-I", "-c", "import sys; print('%d.%d' % sys.version_info[:2])").Output.Trim()
            : OldestInstalledPython();
        var folder = New("csnakes-lib", "Forecast", "--PythonVersion", wanted);

        var build = DotNetCli.Run(folder, "build", "-nodeReuse:false");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var manifest = Directory.GetFiles(Path.Combine(folder, "bin"), "Forecast.csnakes.json", SearchOption.AllDirectories).Single();
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        StringAssert.StartsWith(json.RootElement.GetProperty("python").GetProperty("version").GetString(), wanted + ".");
        Assert.IsTrue(File.Exists(Directory.GetFiles(Path.Combine(folder, "obj"), "greetings.g.cs", SearchOption.AllDirectories).Single()));
    }

    // pyenv's versions and the distribution's /usr/bin/python3.N, 3.10 or newer: "3.N" of the oldest.
    private static string OldestInstalledPython()
    {
        var pyenv = Path.Combine(Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv"), "versions");
        var names = (Directory.Exists(pyenv) ? Directory.GetDirectories(pyenv).Select(Path.GetFileName) : [])
            .Concat(Directory.GetFiles("/usr/bin", "python3.*").Select(f => Path.GetFileName(f)!["python".Length..]));
        var minors = names.Select(n => System.Text.RegularExpressions.Regex.Match(n!, @"^3\.(\d+)(\.|$)"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(minor => minor >= 10)
            .ToList();
        if (minors.Count == 0)
        {
            Assert.Inconclusive("no CPython 3.10+ found in pyenv or /usr/bin");
        }
        return $"3.{minors.Min()}";
    }

    // `dotnet new <template> -n <name>` into a fresh folder that uses the private feed (as a user's nuget.org would serve the packages).
    private static string New(string template, string name, params string[] options)
    {
        var workspace = Path.Combine(E2EEnvironment.Root, "work", $"template-{template}");
        Directory.CreateDirectory(workspace);
        File.WriteAllText(Path.Combine(workspace, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{E2EEnvironment.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var created = DotNetCli.Run(workspace, ["new", template, "-n", name, "--debug:custom-hive", s_hive.Value, .. options]);
        Assert.AreEqual(0, created.ExitCode, created.ToString());
        return Path.Combine(workspace, name);
    }
}
