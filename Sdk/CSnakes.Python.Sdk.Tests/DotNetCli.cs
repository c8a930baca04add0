using System.Diagnostics;
using System.Text;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// Runs the `dotnet` CLI the way a user would, isolated from the test host: its own NuGet cache, no node
/// reuse, and none of the MSBuild variables `dotnet test` leaks (they would point nested builds at the
/// outer SDK).
/// </summary>
public static class DotNetCli
{
    private static readonly string[] s_leakedVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH"];

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    public static string? NuGetPackagesDirectory { get; set; }

    public static DotNetResult Run(string workingDirectory, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, arguments);

    /// <summary>Runs dotnet with <paramref name="environment"/> added to (null: removed from) the inherited variables.</summary>
    public static DotNetResult RunWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, arguments, environment);

    public static DotNetResult RunProgram(string program, string workingDirectory, params string[] arguments) =>
        RunProgram(program, workingDirectory, arguments, null);

    private static DotNetResult RunProgram(string program, string workingDirectory, string[] arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = CreateStartInfo(program, workingDirectory, arguments, environment);

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}` did not finish within {s_timeout}.\n{output}");
        }
        process.WaitForExit();
        stopwatch.Stop();

        lock (output)
        {
            return new DotNetResult($"{program} {string.Join(' ', arguments)}", process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    /// <summary>The isolated start info every run uses; for tests that must watch or kill a running dotnet.</summary>
    public static ProcessStartInfo CreateStartInfo(string program, string workingDirectory, string[] arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in s_leakedVariables)
        {
            start.Environment.Remove(name);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (NuGetPackagesDirectory is not null)
        {
            start.Environment["NUGET_PACKAGES"] = NuGetPackagesDirectory;
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return start;
    }
}
