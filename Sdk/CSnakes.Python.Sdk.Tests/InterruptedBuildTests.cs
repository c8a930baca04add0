using System.Diagnostics;
using System.Text;

namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// A real `dotnet build` killed with SIGKILL while pip installs a slow local package: its pip lives on,
/// re-parented, writing into the venv slot. The next build must wait for it (it holds the venv lock it
/// inherited) and then succeed, never crash with MSB4018 "Directory not empty".
/// </summary>
[TestClass]
public sealed class InterruptedBuildTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromMinutes(4);

    public TestContext TestContext { get; set; } = null!;

    /// <summary>
    /// An in-tree PEP 517 backend (no build requirements, so it builds offline) whose build_wheel says where it
    /// runs, then keeps writing files into that venv until the test releases it: the slow part of a pip install.
    /// </summary>
    private static string WriteSlowPackage(string directory, string started, string release)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "pyproject.toml"),
            "[build-system]\nrequires = []\nbuild-backend = \"slow_backend\"\nbackend-path = [\".\"]\n");
        File.WriteAllText(Path.Combine(directory, "slow_backend.py"), $$"""
            import base64, hashlib, os, sys, time, zipfile

            STARTED = {{PythonString(started)}}
            RELEASE = {{PythonString(release)}}

            def _record_line(name, data):
                digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
                return f"{name},sha256={digest},{len(data)}\n"

            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                if not os.path.exists(RELEASE):
                    with open(STARTED + ".tmp", "w") as f:
                        f.write(f"{os.getpid()}\n{sys.prefix}\n")
                    os.replace(STARTED + ".tmp", STARTED)
                    junk = os.path.join(sys.prefix, "orphan-writes")
                    deadline = time.monotonic() + 600
                    i = 0
                    while not os.path.exists(RELEASE) and time.monotonic() < deadline:
                        folder = os.path.join(junk, f"d{i % 20}")
                        os.makedirs(folder, exist_ok=True)
                        with open(os.path.join(folder, f"f{i % 100}"), "w") as f:
                            f.write("x")
                        i += 1
                name = "slowpkg-1.0-py3-none-any.whl"
                files = {
                    "slowpkg/__init__.py": b"VALUE = 'slow'\n",
                    "slowpkg-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: slowpkg\nVersion: 1.0\n",
                    "slowpkg-1.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: csnakes-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
                }
                record = "".join(_record_line(n, d) for n, d in files.items()) + "slowpkg-1.0.dist-info/RECORD,,\n"
                with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as z:
                    for n, d in files.items():
                        z.writestr(n, d)
                    z.writestr("slowpkg-1.0.dist-info/RECORD", record)
                return name
            """);
        return directory;
    }

    private static string PythonString(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    /// <summary>A dotnet process whose output is collected as it comes, so a test can wait for a line.</summary>
    private sealed class RunningDotNet : IDisposable
    {
        private readonly StringBuilder output = new();
        private readonly Process process;

        public RunningDotNet(string workingDirectory, params string[] arguments)
        {
            process = new Process { StartInfo = DotNetCli.CreateStartInfo("dotnet", workingDirectory, arguments) };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process => process;

        public string Output
        {
            get { lock (output) { return output.ToString(); } }
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (output) { output.AppendLine(line); }
            }
        }

        public int WaitForExit()
        {
            Assert.IsTrue(process.WaitForExit(s_patience), $"dotnet did not finish:\n{Output}");
            process.WaitForExit(); // drains the output
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
        }
    }

    private static void WaitFor(Func<bool> condition, string what, Func<string> detail)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > s_patience)
            {
                Assert.Fail($"Gave up after {s_patience.TotalMinutes:0} min waiting for {what}.\n{detail()}");
            }
            Thread.Sleep(100);
        }
    }

    // A dead orphan may linger as a zombie when the container's init does not reap it: state Z is dead.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [TestMethod]
    public void ABuildKilledDuringPipInstallIsFollowedByABuildThatWaitsForItsPipAndSucceeds()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("Uses /proc to watch the orphaned pip.");
        }
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var started = Path.Combine(workspace, "backend-started");
        var release = Path.Combine(workspace, "backend-release");
        var package = WriteSlowPackage(Path.Combine(workspace, "slowpkg"), started, release);
        File.AppendAllText(Path.Combine(workspace, "PyLib", "requirements.txt"), package + "\n");
        var venvRoot = Path.Combine(workspace, "PyLib", "obj", "python", "venv");
        int orphan = 0;
        try
        {
            // 1. The build runs pip, pip runs the slow backend; then the build is killed outright (one process, -m:1).
            using (var first = new RunningDotNet(workspace, "build", "PyLib", "-m:1", "-nodeReuse:false", "-v:n"))
            {
                WaitFor(() => File.Exists(started) || first.Process.HasExited, "pip to start the slow backend", () => first.Output);
                Assert.IsFalse(first.Process.HasExited, $"the build ended before pip got to the slow package:\n{first.Output}");
                first.Process.Kill(entireProcessTree: false); // SIGKILL, the build alone
                first.Process.WaitForExit();
            }
            var facts = File.ReadAllLines(started);
            orphan = int.Parse(facts[0]);
            StringAssert.StartsWith(facts[1], venvRoot, "the backend is not writing into a venv slot");
            Assert.IsTrue(IsAlive(orphan), "pip's backend died with the build: nothing left to recover from");

            // 2. The next build finds the orphan still writing into the slot. It must wait, not delete under it.
            using var second = new RunningDotNet(workspace, "build", "PyLib", "-v:n");
            WaitFor(() => second.Output.Contains("Waiting for another build") || second.Process.HasExited,
                "the second build to wait for the venv lock", () => second.Output);
            File.WriteAllText(release, "");
            var exitCode = second.WaitForExit();
            TestContext.WriteLine(second.Output);

            Assert.IsFalse(second.Output.Contains("MSB4018"), "the task crashed:\n" + second.Output);
            Assert.AreEqual(0, exitCode, second.Output);
            StringAssert.Contains(second.Output, "Waiting for another build");
            var venv = File.ReadAllText(Path.Combine(venvRoot, "current")).Trim();
            Assert.IsFalse(Directory.Exists(Path.Combine(venvRoot, venv, "orphan-writes")), "the orphan's files are in the venv in use");
            Assert.IsTrue(Directory.EnumerateDirectories(Path.Combine(venvRoot, venv), "slowpkg", SearchOption.AllDirectories).Any(), "slowpkg is not installed");
        }
        finally
        {
            File.WriteAllText(release, "");
            if (orphan != 0)
            {
                WaitFor(() => !IsAlive(orphan), "the orphaned backend to end", () => "");
            }
        }
    }
}
