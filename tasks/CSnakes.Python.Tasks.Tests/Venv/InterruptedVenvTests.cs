using System.Diagnostics;
using System.Runtime.InteropServices;
using CSnakes.Python.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>
/// Interrupted builds and I/O failures under the venv root: real processes, real mounts, real full disks.
/// Each must end in a coded CSPY error or a good venv, never an exception out of the task (MSB4018).
/// </summary>
[TestClass]
public sealed class InterruptedVenvTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private static CreatePythonVenv NewTask(string python, string root, FakeBuildEngine engine, params string[] requirements) => new()
    {
        BuildEngine = engine,
        PythonExecutable = python,
        PythonVersion = "3.12.1",
        VenvRoot = root,
        ProjectFile = "/src/Lib/Lib.csproj",
        RequirementsFiles = requirements.Select(r => (ITaskItem)new TaskItem(r)).ToArray(),
        // These tests are about pip's behaviour; a uv on the machine's PATH (auto) must not replace it.
        PackageInstaller = "pip",
    };

    private static void WaitFor(Func<bool> condition, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > s_patience)
            {
                Assert.Fail($"Gave up after {s_patience.TotalSeconds:0} s waiting for {what}.");
            }
            Thread.Sleep(50);
        }
    }

    [TestMethod]
    public void AChildLeftRunningByAKilledBuildKeepsTheLockSoTheNextBuildWaitsInsteadOfCrashing()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var root = temp.CreateDirectory("obj/venv");
        var slot = Path.Combine(root, VenvSlots.SlotA);
        var started = temp.Combine("started");
        var release = temp.Combine("release");

        // The build takes the lock and starts a child that keeps writing into the slot it is building, as pip does.
        var held = VenvLock.Acquire(root, TimeSpan.Zero, () => { }, CancellationToken.None);
        Assert.IsNotNull(held);
        const string writer = """
            import os, sys
            slot, started, release = sys.argv[1:4]
            os.makedirs(os.path.join(slot, "lib"), exist_ok=True)
            open(started, "w").close()
            i = 0
            while not os.path.exists(release):
                folder = os.path.join(slot, "lib", f"pkg{i % 50}")
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, f"m{i % 200}.py"), "w") as f:
                    f.write("x = 1\n")
                i += 1
            """;
        using var child = Process.Start(new ProcessStartInfo(python, ["-c", writer, slot, started, release]) { UseShellExecute = false })!;
        try
        {
            WaitFor(() => File.Exists(started), "the child to start writing into the slot");
            // The build dies. SIGKILL closes its descriptors without unlocking (FileStream.Dispose would flock(LOCK_UN)
            // first, which a killed process never does); the child lives on, re-parented, with its inherited copy.
            CloseAsAKilledProcessWould((FileStream)held);

            var engine = new FakeBuildEngine();
            var task = NewTask(python, root, engine);
            task.LockTimeout = TimeSpan.FromSeconds(1);
            Assert.IsFalse(task.Execute(), "the next build emptied a slot that a live process is writing into");
            Assert.AreEqual("CSPY1003", engine.Errors.Single().Code, engine.ErrorText);
            StringAssert.Contains(engine.MessageText, "interrupted");
            Assert.IsFalse(child.HasExited, "the orphan must still be running for this test to mean anything");
        }
        finally
        {
            File.WriteAllText(release, "");
            Assert.IsTrue(child.WaitForExit(s_patience), "the writer did not stop");
        }

        // Once the orphan has ended the lock is free: the next build recovers the slot.
        var after = new FakeBuildEngine();
        var recovered = NewTask(python, root, after);
        Assert.IsTrue(recovered.Execute(), after.ErrorText);
        Assert.AreEqual(slot, recovered.VenvDirectory);
        Assert.IsFalse(Directory.Exists(Path.Combine(slot, "lib", "pkg0")), "the orphan's half-written files survived the rebuild");
    }

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    private static void CloseAsAKilledProcessWould(FileStream stream)
    {
        var handle = stream.SafeFileHandle;
        Assert.AreEqual(0, Close((int)handle.DangerousGetHandle()), "close(2) failed");
        handle.SetHandleAsInvalid();
    }

    [TestMethod]
    public void ASlotThatCannotBeEmptiedIsCSPY1009()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var root = temp.CreateDirectory("venv");
        // A mount point inside the slot: rmdir fails with EBUSY, a real I/O error that no retry fixes.
        using var busy = TmpfsMount.MountOrSkip(Path.Combine(root, VenvSlots.SlotA, "lib"), "1m");
        var engine = new FakeBuildEngine();

        Assert.IsFalse(NewTask(python, root, engine).Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1009", error.Code, engine.ErrorText);
        StringAssert.Contains(error.Message, Path.Combine(root, VenvSlots.SlotA));
    }

    [TestMethod]
    public void PipRunningOutOfSpaceIsCSPY1010NotARequirementError()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        var wheels = temp.Combine("wheels");
        // 4 MiB of module in a 2 MiB filesystem.
        TestWheel.Build(wheels, "csnakes_big", "1.0", "DATA = '" + new string('x', 4 * 1024 * 1024) + "'\n");
        var requirements = temp.WriteFile("requirements.txt", $"--no-index\n--find-links {wheels}\ncsnakes_big==1.0\n");
        using var disk = TmpfsMount.MountOrSkip(temp.Combine("venv"), "2m");
        var engine = new FakeBuildEngine();

        Assert.IsFalse(NewTask(python, disk.Directory, engine, requirements).Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1010", error.Code, engine.ErrorText);
        StringAssert.Contains(error.Message, "disk space");
        Assert.IsFalse(error.Message.Contains("Fix the requirement"), error.Message);
    }

    [TestMethod]
    public void AFullDiskWhileSwitchingThePointerIsCSPY1010NotACrash()
    {
        var python = TestPythons.RequirePyenv("3.12.1");
        using var temp = new TempDirectory();
        // Comment-only requirements files: two different input hashes, no pip run.
        var first = temp.WriteFile("first.txt", "# first\n");
        var second = temp.WriteFile("second.txt", "# second\n");
        using var disk = TmpfsMount.MountOrSkip(temp.Combine("venv"), "2m");
        var root = disk.Directory;
        var engine = new FakeBuildEngine();
        Assert.IsTrue(NewTask(python, root, engine, first).Execute(), engine.ErrorText);
        Assert.IsTrue(NewTask(python, root, engine, second).Execute(), engine.ErrorText);
        Assert.AreEqual(VenvSlots.SlotB, File.ReadAllText(Path.Combine(root, "current")));
        disk.Fill();

        // Back to the first inputs: only the pointer has to be written, and there is no room for it.
        engine = new FakeBuildEngine();
        var task = NewTask(python, root, engine, first);
        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("CSPY1010", error.Code, engine.ErrorText);
        StringAssert.Contains(error.Message, Path.Combine(root, "current"));
        Assert.AreEqual(VenvSlots.SlotB, File.ReadAllText(Path.Combine(root, "current")), "the pointer was torn");
    }
}
