using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

[TestClass]
public sealed class ProcessRunnerTests
{
    private static string Python => TestPythons.Pyenv("3.12.1") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : throw new AssertInconclusiveException("No Python to run."));

    [TestMethod]
    public void PassesArgumentsVerbatimAndReportsExitCodeAndStreams()
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var result = ProcessRunner.Run(Python, ["-c", "import sys; print(sys.argv[1]); print(sys.argv[2]); sys.stderr.write('oops\\n'); sys.exit(3)", "a b \"c\"", "$HOME;|"],
            new ProcessRunOptions { OnStandardOutput = stdout.Add, OnStandardError = stderr.Add });

        Assert.AreEqual(3, result.ExitCode);
        Assert.IsFalse(result.Succeeded);
        CollectionAssert.AreEqual(new[] { "a b \"c\"", "$HOME;|" }, stdout);
        CollectionAssert.AreEqual(new[] { "oops" }, stderr);
        StringAssert.Contains(result.StandardOutput, "$HOME;|");
        Assert.AreEqual("exited with code 3", result.Describe());
    }

    [TestMethod]
    public void LinesArriveWhileTheProcessIsStillRunning()
    {
        using var temp = new TempDirectory();
        var signal = temp.Combine("go");
        // The child prints, then waits until the callback for that line has created the signal file. If lines
        // were only delivered at exit, the child would never finish and the timeout would stop it.
        var code = $"import os, sys, time\nprint('first', flush=True)\nwhile not os.path.exists({System.Text.Json.JsonSerializer.Serialize(signal)}): time.sleep(0.01)\nprint('second')";
        var lines = new List<string>();
        var result = ProcessRunner.Run(Python, ["-u", "-c", code], new ProcessRunOptions
        {
            Timeout = TimeSpan.FromSeconds(60),
            OnStandardOutput = line =>
            {
                lines.Add(line);
                if (line == "first")
                {
                    File.WriteAllText(signal, "");
                }
            },
        });

        Assert.IsTrue(result.Succeeded, result.Describe());
        CollectionAssert.AreEqual(new[] { "first", "second" }, lines);
    }

    [TestMethod]
    public void TimeoutKillsTheProcess()
    {
        var result = ProcessRunner.Run(Python, ["-c", "import time; time.sleep(120)"], new ProcessRunOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        Assert.IsTrue(result.TimedOut);
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual("timed out and was stopped", result.Describe());
    }

    [TestMethod]
    public void CancellationKillsTheProcess()
    {
        using var cancellation = new CancellationTokenSource();
        var result = ProcessRunner.Run(Python, ["-u", "-c", "import time; print('started'); time.sleep(120)"], new ProcessRunOptions
        {
            CancellationToken = cancellation.Token,
            OnStandardOutput = _ => cancellation.Cancel(),
        });

        Assert.IsTrue(result.Canceled);
        Assert.IsFalse(result.TimedOut);
    }

    [TestMethod]
    public void AMissingProgramIsAStartError()
    {
        var result = ProcessRunner.Run("/definitely/not/here", []);

        Assert.IsNotNull(result.StartError);
        StringAssert.StartsWith(result.Describe(), "could not be started");
    }

    [TestMethod]
    public void EnvironmentCanBeSetAndRemoved()
    {
        var result = ProcessRunner.Run(Python, ["-c", "import os; print(os.environ.get('CSNAKES_X'), os.environ.get('HOME'))"], new ProcessRunOptions
        {
            Environment = new Dictionary<string, string?> { ["CSNAKES_X"] = "set", ["HOME"] = null },
        });

        Assert.AreEqual("set None", result.StandardOutput.Trim());
    }
}
