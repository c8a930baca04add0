using System.Diagnostics;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Generated wrappers plus a caller's Program.cs built as a console app against the real runtime (warnings are errors,
/// <see cref="GeneratedCodeBuild"/>) and run on a real interpreter given by its home; the run's output is returned.
/// </summary>
internal static class GeneratedApp
{
    /// <summary>The module root the tests write their Python under (<c>py/</c> of the temp folder).</summary>
    public static string PythonRoot(Signatures.TempFolder folder) => Path.Combine(folder.Path, "py");

    /// <summary>Runs the generator (namespace <c>Sample.App</c>) on <paramref name="files"/> under <c>py/</c>, writing into <c>app/generated/</c>; it must succeed.</summary>
    public static (GeneratePythonWrappers Task, FakeBuildEngine Engine) Generate(Signatures.TempFolder folder, string python, params string[] files)
    {
        var engine = new FakeBuildEngine();
        var task = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = files.Select(f => (Microsoft.Build.Framework.ITaskItem)new Microsoft.Build.Utilities.TaskItem(Path.Combine(PythonRoot(folder), f))).ToArray(),
            ProjectDirectory = PythonRoot(folder),
            RootNamespace = "Sample.App",
            OutputDirectory = Path.Combine(folder.Path, "app", "generated"),
        };
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        return (task, engine);
    }

    /// <summary>Builds <paramref name="appDirectory"/> (generated files and Program.cs already in it) and runs it with <paramref name="python"/>'s libpython.</summary>
    public static string BuildAndRun(string appDirectory, string python, string pythonVersion, string modulePath)
    {
        Build(appDirectory);
        var home = Path.GetDirectoryName(Path.GetDirectoryName(python))!;
        var (major, minor) = Signatures.ReaderRun.VersionOf(pythonVersion);
        var libPython = Path.Combine(home, "lib", $"libpython{major}.{minor}.so.1.0");
        return Run(Path.Combine(appDirectory, "bin", "Debug", "net8.0", "App.dll"), libPython, home, modulePath);
    }

    /// <summary>
    /// Builds <paramref name="appDirectory"/> and runs it inside the Debian testing root (eng/debian-testing-root.sh) on
    /// its CPython <paramref name="minor"/> (3.13–3.15), for Pythons this host cannot run; inconclusive where the root
    /// cannot be made. The app and <paramref name="modulePath"/> are copied under the checkout, which the root sees.
    /// </summary>
    public static string BuildAndRunInDebianTestingRoot(string appDirectory, string minor, string modulePath)
    {
        Build(appDirectory);
        string repo = typeof(GeneratedApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        string visible = Path.Combine(repo, "artifacts", "tmp", "generated-app-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            CopyFolder(Path.Combine(appDirectory, "bin", "Debug", "net8.0"), Path.Combine(visible, "app"));
            CopyFolder(modulePath, Path.Combine(visible, "py"));
            string script = Path.Combine(repo, "eng", "debian-testing-root.sh");
            var startInfo = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repo };
            foreach (string argument in (string[])["run", "dotnet", Path.Combine(visible, "app", "App.dll"), $"/usr/lib/x86_64-linux-gnu/libpython3.{minor}.so.1.0", "/usr", Path.Combine(visible, "py")])
            {
                startInfo.ArgumentList.Add(argument);
            }

            var (exitCode, output) = Execute(startInfo);
            if (exitCode == 3)
            {
                Assert.Inconclusive("no Debian testing root here: " + output);
            }

            Assert.AreEqual(0, exitCode, output);
            return output;
        }
        finally
        {
            Directory.Delete(visible, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Build(string appDirectory)
    {
        GeneratedCodeBuild.WriteProject(appDirectory);
        // An app, run on the installed .NET runtime whatever its major version.
        var project = Path.Combine(appDirectory, "App.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<Nullable>", "<OutputType>Exe</OutputType><RollForward>Major</RollForward><Nullable>", StringComparison.Ordinal));
        var (exitCode, output) = GeneratedCodeBuild.Build(appDirectory);
        Assert.AreEqual(0, exitCode, output);
    }

    private static string Run(string assembly, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        var (exitCode, output) = Execute(startInfo);
        Assert.AreEqual(0, exitCode, output);
        return output;
    }

    /// <summary>Runs <paramref name="startInfo"/> (output redirected) to its end; returns its exit code and its stdout followed by its stderr.</summary>
    private static (int ExitCode, string Output) Execute(ProcessStartInfo startInfo)
    {
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }
}
