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
        GeneratedCodeBuild.WriteProject(appDirectory);
        // An app, run on the installed .NET runtime whatever its major version.
        var project = Path.Combine(appDirectory, "App.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<Nullable>", "<OutputType>Exe</OutputType><RollForward>Major</RollForward><Nullable>", StringComparison.Ordinal));
        var (exitCode, output) = GeneratedCodeBuild.Build(appDirectory);
        Assert.AreEqual(0, exitCode, output);

        var home = Path.GetDirectoryName(Path.GetDirectoryName(python))!;
        var (major, minor) = Signatures.ReaderRun.VersionOf(pythonVersion);
        var libPython = Path.Combine(home, "lib", $"libpython{major}.{minor}.so.1.0");
        return Run(Path.Combine(appDirectory, "bin", "Debug", "net8.0", "App.dll"), libPython, home, modulePath);
    }

    private static string Run(string assembly, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var output = stdout + stderr.GetAwaiter().GetResult();
        Assert.AreEqual(0, process.ExitCode, output);
        return output;
    }
}
