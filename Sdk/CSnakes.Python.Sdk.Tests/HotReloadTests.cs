using System.Diagnostics;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// A real <c>dotnet watch</c> session (test-projects/HotReload): the app calls Python in a loop, the test edits the
/// Python file, and the running app picks the change up without a restart.
/// </summary>
[TestClass]
public sealed class HotReloadTests
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan s_reloadTimeout = TimeSpan.FromSeconds(60);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EditedFunctionBodyIsUsedByTheRunningApp()
    {
        var workspace = E2EEnvironment.CreateWorkspace("HotReload");
        var module = Path.Combine(workspace, "Lib", "counter.py");
        using var watch = new WatchedProcess(DotNetCli.CreateStartInfo("dotnet", workspace,
            ["watch", "--project", "App", "--non-interactive", "run"],
            new Dictionary<string, string?> { ["DOTNET_WATCH_SUPPRESS_EMOJIS"] = "1", ["DOTNET_WATCH_RESTART_ON_RUDE_EDIT"] = "1" }));
        try
        {
            watch.WaitFor("value: 1", s_startTimeout);

            File.WriteAllText(module, File.ReadAllText(module).Replace("return 1", "return 2"));
            watch.WaitFor("csnakes: reloaded Python module 'counter' (counter.py).", s_reloadTimeout);
            watch.WaitFor("value: 2", s_reloadTimeout);

            // A new signature cannot reach the C# method without a rebuild: said, while the old call shape still works.
            File.WriteAllText(module, File.ReadAllText(module).Replace("def value() -> int:\n    return 2", "def value(step: int = 0) -> int:\n    return 3 + step"));
            watch.WaitFor("csnakes: the signature of counter.value changed", s_reloadTimeout);
            watch.WaitFor("value: 3", s_reloadTimeout);

            Assert.AreEqual(1, watch.Count("value: 1"), "The app was not restarted: its first answer was printed once.");
        }
        finally
        {
            TestContext.WriteLine(watch.Output);
        }
    }

    /// <summary>A process whose output is collected (<see cref="ProcessOutput"/>), killed with its children on dispose.</summary>
    private sealed class WatchedProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ProcessOutput _output = new();

        public WatchedProcess(ProcessStartInfo start)
        {
            _process = new Process { StartInfo = start };
            _output.Attach(_process);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output => _output.Text;

        public int Count(string line) => Output.Split('\n').Count(l => l.TrimEnd('\r').EndsWith(line, StringComparison.Ordinal));

        /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output so far on timeout or exit.</summary>
        public void WaitFor(string text, TimeSpan timeout)
        {
            if (!_output.WaitFor(text, timeout, () => _process.HasExited))
            {
                Assert.Fail($"'{text}' did not appear within {timeout.TotalSeconds:0} s{(_process.HasExited ? " (dotnet watch exited)" : "")}. Output:\n{_output.Text}");
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            _process.Dispose();
        }
    }
}
