using System.Diagnostics;
using System.Reflection;

namespace CSnakes.Runtime.Tests.TestSupport;

/// <summary>
/// Runs one test method of this assembly in a child process, for cases that may crash the process
/// (a segfault in the child is a failed assertion in the parent, not a dead test host). The child is
/// this test assembly started again with a filter for that method and <see cref="CaseVariable"/> set,
/// on the same interpreter (<c>CSNAKES_TEST_PYTHON</c> is inherited). The child appends one line per
/// finished repetition to the file named by <see cref="ReportVariable"/>, so the parent can tell "ran
/// and passed" from "ran nothing".
/// </summary>
internal static class ChildTestRun
{
    public const string CaseVariable = "CSNAKES_CHILD_CASE";
    public const string ReportVariable = "CSNAKES_CHILD_REPORT";

    /// <summary>The case this process was started for, or null in an ordinary test run.</summary>
    public static string? Case => Environment.GetEnvironmentVariable(CaseVariable);

    /// <summary>In the child: records that one repetition of the case finished with <paramref name="outcome"/>.</summary>
    public static void Report(string outcome) =>
        File.AppendAllText(Environment.GetEnvironmentVariable(ReportVariable)!, outcome + "\n");

    /// <summary>Starts the child for <paramref name="testMethod"/> with <paramref name="caseName"/> and waits for it.</summary>
    public static Result Run(MethodInfo testMethod, string caseName, TimeSpan timeout)
    {
        string assembly = typeof(ChildTestRun).Assembly.Location;
        string work = Directory.CreateTempSubdirectory("csnakes-child-").FullName;
        string report = Path.Combine(work, "report.txt");
        File.WriteAllText(report, "");

        var info = new ProcessStartInfo(ChildProcess.DotNetHost());
        info.ArgumentList.Add(assembly);
        info.ArgumentList.Add("--filter");
        info.ArgumentList.Add($"FullyQualifiedName={testMethod.DeclaringType!.FullName}.{testMethod.Name}");
        info.ArgumentList.Add("--results-directory");
        info.ArgumentList.Add(Path.Combine(work, "results"));
        info.Environment[CaseVariable] = caseName;
        info.Environment[ReportVariable] = report;

        var (exitCode, stdout, stderr, _) = ChildProcess.Run(info, timeout);
        var result = new Result(exitCode, File.ReadAllLines(report), stdout + stderr);
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }

        return result;
    }

    /// <summary>The child's exit code, the outcomes it reported and its console output (for failure messages).</summary>
    public sealed record Result(int ExitCode, string[] Outcomes, string Output)
    {
        public string Describe() =>
            $"exit code {ExitCode}{(ExitCode > 128 ? $" (signal {ExitCode - 128})" : "")}, outcomes [{string.Join(", ", Outcomes)}]\n--- child output (tail) ---\n{Tail(Output, 4000)}";

        private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];
    }
}
