using System.Reflection;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// One private feed per test run: CSnakes.Runtime and CSnakes.Python.Sdk packed at a unique version, so a
/// package cached by an earlier run can never be used, and an isolated NuGet cache.
/// </summary>
[TestClass]
public static class E2EEnvironment
{
    public static string RepoRoot { get; private set; } = "";
    public static string Root { get; private set; } = "";
    public static string Feed { get; private set; } = "";
    public static string WheelDirectory { get; private set; } = "";
    public static string Version { get; private set; } = "";

    private static int s_workspaceCount;

    [AssemblyInitialize]
    public static void PackIntoPrivateFeed(TestContext context)
    {
        RepoRoot = typeof(E2EEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepoRoot").Value!;
        Version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        Root = Path.Combine(Path.GetTempPath(), "csnakes-e2e", Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        WheelDirectory = Path.Combine(Root, "wheels");
        Directory.CreateDirectory(Feed);
        DotNetCli.NuGetPackagesDirectory = Path.Combine(Root, "nuget-packages");

        TinyWheel.Write(WheelDirectory, "1.0", answer: 42);
        TinyWheel.Write(WheelDirectory, "2.0", answer: 43);

        foreach (var project in new[] { "runtime/CSnakes.Runtime/CSnakes.Runtime.csproj", "Sdk/CSnakes.Python.Sdk.csproj", "templates/CSnakes.Python.Templates/CSnakes.Python.Templates.csproj" })
        {
            var pack = DotNetCli.Run(RepoRoot, "pack", Path.Combine(RepoRoot, project), "-c", "Release", "-o", Feed,
                $"-p:Version={Version}", "-nodeReuse:false");
            context.WriteLine(pack.ToString());
            Assert.AreEqual(0, pack.ExitCode, $"Packing {project} failed:\n{pack}");
        }
    }

    [AssemblyCleanup]
    public static void DeleteRoot()
    {
        if (Environment.GetEnvironmentVariable("CSNAKES_E2E_KEEP") == "1")
        {
            return;
        }
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }
                return;
            }
            catch (IOException) when (attempt < 2)
            {
                // A just-exited build node may still hold a file for a moment.
            }
        }
    }

    /// <summary>Copies test-projects/<paramref name="scenario"/> to a fresh folder wired to the private feed.</summary>
    public static string CreateWorkspace(string scenario)
    {
        var workspace = Path.Combine(Root, "work", $"{scenario}-{Interlocked.Increment(ref s_workspaceCount)}");
        CopyDirectory(Path.Combine(RepoRoot, "test-projects", scenario), workspace);
        foreach (var file in Directory.EnumerateFiles(workspace, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name is "global.json" or "nuget.config" or "requirements.txt")
            {
                var text = File.ReadAllText(file)
                    .Replace("__CSNAKES_SDK_VERSION__", Version)
                    .Replace("__CSNAKES_LOCAL_FEED__", Feed)
                    .Replace("__CSNAKES_WHEEL_DIR__", WheelDirectory);
                File.WriteAllText(file, text);
            }
        }
        return workspace;
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            // A developer may have built the scenario in place; never carry its outputs along.
            if (name is "bin" or "obj" or "__pycache__" or ".venv")
            {
                continue;
            }
            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }
}
