using System.Diagnostics;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>
/// Runs a scenario of <c>CSnakes.Runtime.Tests.ChildHost</c> (a console app with its own embedded
/// Python, started on the venv and fixtures of this run) and returns what happened to it. For
/// scenarios that may kill or hang their process: a dead child is a failed assertion, not a dead test host.
/// </summary>
internal static class ChildHost
{
    /// <summary>The child's exit code and output; <see cref="Value"/> reads its <c>key=value</c> lines.</summary>
    internal sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public string? Value(string key) => Output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.StartsWith(key + "=", StringComparison.Ordinal))
            .Select(line => line[(key.Length + 1)..])
            .LastOrDefault();

        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static Outcome Run(string scenario, TimeSpan patience, params string[] arguments)
    {
        // artifacts/bin/CSnakes.Runtime.Tests/<configuration>/ → artifacts/bin/CSnakes.Runtime.Tests.ChildHost/<configuration>/
        string baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        string configuration = Path.GetFileName(baseDirectory);
        string dll = Path.Combine(baseDirectory, "..", "..", "CSnakes.Runtime.Tests.ChildHost", configuration, "CSnakes.Runtime.Tests.ChildHost.dll");
        Assert.IsTrue(File.Exists(dll), $"the child host was not built: {dll}");

        var info = new ProcessStartInfo(ChildProcess.DotNetHost());
        foreach (string argument in (string[])[dll, scenario, TestPython.PythonUnderTestInfo.LibPython, TestPython.PythonUnderTestInfo.BasePrefix, TestPython.Venv, Path.Combine(AppContext.BaseDirectory, "python"), .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        var (exitCode, output, error, timedOut) = ChildProcess.Run(info, patience);
        if (timedOut)
        {
            Assert.Fail($"child host '{scenario}' did not exit within {patience}:\n--- stdout\n{output}\n--- stderr\n{error}");
        }
        return new Outcome(exitCode, output, error);
    }
}
