using System.Diagnostics;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>Starting a child process of the tests and waiting for it, bounded: a hung child is killed, never waited on forever.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// The `dotnet` muxer running this test assembly (DOTNET_HOST_PATH when the SDK started the parent, the
    /// current process when it is `dotnet Tests.dll`), so a child runs on the same runtime.
    /// </summary>
    public static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary>Runs <paramref name="info"/> (its output redirected here) until it exits or <paramref name="timeout"/> passes.</summary>
    public static (int ExitCode, string Output, string Error, bool TimedOut) Run(ProcessStartInfo info, TimeSpan timeout)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var timedOut = !process.WaitForExit(timeout);
        if (timedOut)
        {
            process.Kill(entireProcessTree: true);
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result, timedOut);
    }
}
