using Microsoft.Build.Framework;
using CSnakes.VirtualEnvironments;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Builds the project's virtual environment (stage 3): <c>python -m venv</c>, then <c>pip install -r</c> for each
/// requirements file (or <c>uv venv</c> and <c>uv pip install</c>, see <see cref="InstallerChoice"/>), streaming the
/// installer's output into the build log. The venv lives in one of two slots under
/// <see cref="VenvRoot"/>; a new one is built in the slot that is not current and the pointer moves only on
/// success, so a failed build leaves the previous venv in use. See docs/errors.md for its errors.
/// </summary>
public sealed class CreatePythonVenv : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private const int TailLines = 25;
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The resolved base interpreter.</summary>
    [Required] public string PythonExecutable { get; set; } = "";

    /// <summary>The resolved interpreter's version (part of the rebuild hash).</summary>
    public string? PythonVersion { get; set; }

    /// <summary>The folder that holds the venv slots, the pointer, the stamps and the lock file.</summary>
    [Required] public string VenvRoot { get; set; } = "";

    /// <summary>pip requirements files, installed in order; may be empty.</summary>
    public ITaskItem[] RequirementsFiles { get; set; } = [];

    /// <summary>
    /// Extra arguments for the install command (MSBuild: <c>PythonPipArguments</c>), split like a shell would
    /// ('…' and "…" group). They go to whichever installer runs: <c>pip install</c> or <c>uv pip install</c>.
    /// </summary>
    public string? PipArguments { get; set; }

    /// <summary>
    /// MSBuild: <c>PythonSystemSitePackages</c> (default false). Makes the venv with <c>--system-site-packages</c>, so
    /// it sees the base interpreter's site-packages (e.g. Debian's <c>apt install python3-numpy</c>). Part of the
    /// rebuild hash.
    /// </summary>
    public bool SystemSitePackages { get; set; }

    /// <summary>
    /// MSBuild: <c>PythonPackageInstaller</c>: <c>auto</c> (default; uv when an executable <c>uv</c> is on PATH, else
    /// pip), <c>pip</c>, or <c>uv</c> (required: CSPY1014 when not on PATH). The chosen tool and uv's path are part
    /// of the rebuild hash.
    /// </summary>
    public string? PackageInstaller { get; set; }

    /// <summary>The project, named in errors that have no better location.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The current (good) venv.</summary>
    [Output] public string VenvDirectory { get; private set; } = "";

    /// <summary>The current venv's interpreter.</summary>
    [Output] public string VenvPython { get; private set; } = "";

    /// <summary>The current venv's site-packages folder.</summary>
    [Output] public string SitePackages { get; private set; } = "";

    /// <summary>How long to wait for another build of the same project to finish with the venv.</summary>
    internal TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Off only in tests, to exercise the ensurepip path on machines whose pips are all new enough.</summary>
    internal bool AllowBasePip { get; set; } = true;

    /// <summary>The PATH searched for uv; tests put a fake uv first without changing the test process's PATH.</summary>
    internal string? SearchPath { get; set; } = Environment.GetEnvironmentVariable("PATH");

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            return Run(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "Creating the Python venv was canceled.");
            return false;
        }
    }

    private bool Run(CancellationToken cancellationToken)
    {
        if (!File.Exists(PythonExecutable))
        {
            LogProjectError(VenvDiagnosticCodes.BasePythonMissing, $"The base Python '{PythonExecutable}' does not exist, so no venv can be made from it. " +
                "Rebuild so Python is resolved again (delete obj/ if it persists), or set PythonExecutable to an installed interpreter.");
            return false;
        }

        var requirements = RequirementsFiles.Select(i => Path.GetFullPath(i.GetMetadata("FullPath") is { Length: > 0 } full ? full : i.ItemSpec)).ToList();
        var missing = requirements.Where(f => !File.Exists(f)).ToList();
        foreach (var file in missing)
        {
            LogProjectError(VenvDiagnosticCodes.RequirementsMissing, $"The requirements file '{file}' does not exist. Create it, or remove it from the PythonRequirements items.");
        }
        if (missing.Count > 0)
        {
            return false;
        }

        if (CommandLineSplitter.TrySplit(PipArguments, out var splitError) is not { } pipArguments)
        {
            LogProjectError(VenvDiagnosticCodes.PipArgumentsUnreadable, $"PythonPipArguments '{PipArguments}' cannot be read: {splitError}. Close the quote or escape it with a backslash.");
            return false;
        }

        if (InstallerChoice.Choose(PackageInstaller, SearchPath, Environment.GetEnvironmentVariable("PATHEXT"), OperatingSystem.IsWindows(), out var installerError) is not { } installer)
        {
            LogProjectError(VenvDiagnosticCodes.InstallerUnavailable, installerError!);
            return false;
        }

        var root = Path.GetFullPath(VenvRoot);
        if (!TryVenvRootIo($"Creating the folder {root}", () => Directory.CreateDirectory(root)))
        {
            return false;
        }
        string hash;
        try
        {
            hash = VenvInputHash.Compute(PythonExecutable, PythonVersion, requirements, pipArguments, SystemSitePackages, installer.HashKey);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // E.g. a symbolic link to nothing (File.Exists says yes) or a file this user may not read.
            LogProjectError(VenvDiagnosticCodes.RequirementsUnreadable, $"A requirements file cannot be read: {e.Message} Make it a readable text file (a symbolic link must point at an existing file), or remove it from the PythonRequirements items.");
            return false;
        }

        IDisposable? held = null;
        if (!TryVenvRootIo($"Opening the lock file {Path.Combine(root, ".lock")}", () => held = VenvLock.Acquire(root, LockTimeout,
                () => Log.LogMessage(MessageImportance.High, $"Waiting for another build (or a pip left running by an interrupted one) to finish with the Python venv in {root}…"),
                cancellationToken)))
        {
            return false;
        }
        using var lockHeld = held;
        if (held is null)
        {
            LogProjectError(VenvDiagnosticCodes.LockTimeout, $"Timed out after {LockTimeout.TotalMinutes:0} minutes waiting for the lock on {Path.Combine(root, ".lock")}, " +
                "held by another build of this project, or by a pip left running by an interrupted build (the processes a build starts hold its lock). " +
                "Wait for it to finish (or stop it), then build again.");
            return false;
        }

        var slots = new VenvSlots(root);
        var current = slots.ReadCurrent();
        if (current is not null && IsWhole(slots, current, hash))
        {
            SetOutputs(slots.SlotDirectory(current));
            Log.LogMessage(MessageImportance.Normal, $"Python venv {VenvDirectory} is up to date.");
            return true;
        }

        var target = VenvSlots.Other(current);
        if (IsWhole(slots, target, hash))
        {
            // Inputs went back to what the other slot was built from (e.g. a requirements change was undone).
            if (!TryVenvRootIo($"Writing {slots.PointerFile}", () => slots.PointAt(target)))
            {
                return false;
            }
            SetOutputs(slots.SlotDirectory(target));
            Log.LogMessage(MessageImportance.Normal, $"Python venv {VenvDirectory} already matches the inputs; switched to it.");
            return true;
        }

        // From here on a failure leaves the outputs at the previous good venv, if there is one.
        if (current is not null && File.Exists(VenvLayout.PythonPath(slots.SlotDirectory(current))))
        {
            SetOutputs(slots.SlotDirectory(current));
        }

        var venvDirectory = slots.SlotDirectory(target);
        if (!TryVenvRootIo($"Emptying the venv slot {venvDirectory}", () => slots.Clear(target)))
        {
            return false;
        }
        if (!Build(venvDirectory, installer, requirements, pipArguments, cancellationToken))
        {
            return false;
        }

        if (!TryVenvRootIo($"Writing {slots.StampFile(target)}", () => slots.WriteStamp(target, hash))
            || !TryVenvRootIo($"Writing {slots.PointerFile}", () => slots.PointAt(target)))
        {
            return false;
        }
        SetOutputs(venvDirectory);
        Log.LogMessage(MessageImportance.High, $"Created Python venv {venvDirectory}.");
        return true;
    }

    private bool Build(string venvDirectory, InstallerChoice installer, IReadOnlyList<string> requirements, IReadOnlyList<string> pipArguments, CancellationToken cancellationToken)
    {
        // The same tool makes the venv with or without requirements, so the venv's layout (uv writes its own
        // pyvenv.cfg keys and activation scripts) does not change when the first requirement is added.
        var uv = installer.IsUv ? new UvCommand(installer.UvPath!) : null;
        var name = uv is null ? "pip" : "uv";
        Log.LogMessage(MessageImportance.High, $"Python packages are installed with {name}: {installer.Reason}.");
        var (tool, arguments, display) = uv is null
            ? (PythonExecutable, PipCommand.VenvArguments(SystemSitePackages, venvDirectory), $"{PythonExecutable} -m venv")
            : (uv.Executable, uv.VenvArguments(PythonExecutable, SystemSitePackages, venvDirectory), $"{uv.Executable} venv");
        Log.LogMessage(MessageImportance.High, $"Creating Python venv {venvDirectory} from {PythonExecutable}…");
        var tail = new OutputTail(TailLines);
        var created = RunStreaming(tool, arguments, tail, cancellationToken);
        var venvPython = VenvLayout.PythonPath(venvDirectory);
        if (!created.Succeeded || !File.Exists(venvPython))
        {
            if (ReportedOutOfSpace($"Creating the venv {venvDirectory} with '{display}'", tail))
            {
                return false;
            }
            LogProjectError(VenvDiagnosticCodes.VenvFailed, $"Creating the venv {venvDirectory} with '{display}' failed: it {created.Describe()}.{Tail(tail)}" + Environment.NewLine +
                (uv is null
                    ? "Check that this Python has its venv module (on Debian/Ubuntu: apt install python3.X-venv) and that the folder is writable."
                    : "Check that uv runs ('uv --version') and accepts this Python, and that the folder is writable; or set PythonPackageInstaller to pip."));
            return false;
        }

        var toInstall = requirements.Where(RequirementsFile.HasContent).ToList();
        if (toInstall.Count == 0)
        {
            return true;
        }

        IReadOnlyList<string> installArguments;
        if (uv is not null)
        {
            (tool, installArguments) = (uv.Executable, uv.InstallArguments(venvPython, toInstall, pipArguments));
        }
        else if (PreparePip(venvDirectory, venvPython, cancellationToken) is { } pip)
        {
            (tool, installArguments) = (pip.Executable, pip.InstallArguments(toInstall, pipArguments));
        }
        else
        {
            return false;
        }

        // One run for every file (see PipCommand.InstallArguments). Relative paths inside a requirements file are
        // the installer's business relative to the working folder: the first file's folder, normally this project's own.
        Log.LogMessage(MessageImportance.High, $"Installing Python packages from {string.Join(", ", toInstall)} with {name}…");
        tail = new OutputTail(TailLines);
        var installed = RunStreaming(tool, installArguments, tail, cancellationToken, Path.GetDirectoryName(toInstall[0]));
        if (!installed.Succeeded)
        {
            if (ReportedOutOfSpace($"Installing the requirements into the venv {venvDirectory} with {name}", tail))
            {
                return false;
            }
            // Point at the line the installer names, in whichever file holds it.
            var (file, line) = toInstall.Select(f => (File: f, Line: RequirementsFile.LineOfFailure(f, tail.Lines))).FirstOrDefault(f => f.Line > 0);
            file ??= toInstall[0];
            var which = toInstall.Count == 1 ? $"the requirements in {file}" : "the requirements of " + string.Join(" and ", toInstall) + " together";
            Log.LogError(null, VenvDiagnosticCodes.PipFailed, null, file, line, 0, 0, 0,
                $"{name} could not install {which}: it {installed.Describe()}. Last lines of {name}'s output:{Environment.NewLine}{tail}" +
                Environment.NewLine + "Fix the requirement (name, version, index or --find-links; requirements of several libraries must not contradict each other), then build again. The previous venv stays in use until then.");
            return false;
        }
        return true;
    }

    // The base pip drives the venv when it can; otherwise pip is bootstrapped into the venv (see PipCommand).
    private PipCommand? PreparePip(string venvDirectory, string venvPython, CancellationToken cancellationToken)
    {
        var pip = PipCommand.Choose(PythonExecutable, venvPython, AllowBasePip, cancellationToken);
        if (!pip.NeedsEnsurePip)
        {
            return pip;
        }
        Log.LogMessage(MessageImportance.Normal, $"The pip of {PythonExecutable} cannot drive another interpreter (needs pip 22.3+); installing pip into the venv.");
        var tail = new OutputTail(TailLines);
        var bootstrapped = RunStreaming(venvPython, ["-I", "-m", "ensurepip", "--default-pip"], tail, cancellationToken);
        if (bootstrapped.Succeeded)
        {
            return pip;
        }
        if (!ReportedOutOfSpace($"Installing pip into the venv {venvDirectory}", tail))
        {
            LogProjectError(VenvDiagnosticCodes.VenvFailed, $"Installing pip into the venv {venvDirectory} with ensurepip failed: it {bootstrapped.Describe()}.{Tail(tail)}" +
                Environment.NewLine + "Install pip 22.3 or newer for the base Python, or a Python that ships ensurepip.");
        }
        return null;
    }

    private ProcessResult RunStreaming(string executable, IReadOnlyList<string> arguments, OutputTail tail, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        Log.LogMessage(MessageImportance.Low, $"Running {executable} {string.Join(" ", arguments)}");
        void OnLine(string line)
        {
            tail.Add(line);
            Log.LogMessage(MessageImportance.Normal, line);
        }
        return ProcessRunner.Run(executable, arguments, new ProcessRunOptions
        {
            WorkingDirectory = workingDirectory,
            CaptureOutput = false,
            OnStandardOutput = OnLine,
            OnStandardError = OnLine,
            CancellationToken = cancellationToken,
            Environment = new Dictionary<string, string?>
            {
                // Lines must arrive as pip writes them, not when its buffer fills.
                ["PYTHONUNBUFFERED"] = "1",
                ["PYTHONIOENCODING"] = "utf-8",
            },
        });
    }

    // The venv root is ours: an I/O error there (disk full, permissions, a process still using a slot) is a coded
    // error naming the file, never a task crash (MSB4018). The previous venv, if any, stays current.
    private bool TryVenvRootIo(string what, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (OutOfSpace.Caused(e))
            {
                LogOutOfSpace(what, e.Message);
            }
            else
            {
                LogProjectError(VenvDiagnosticCodes.VenvRootUnwritable, $"{what} failed: {e.Message}" + Environment.NewLine +
                    $"Make sure the folder is writable and that no process still uses it (stop it, or delete {VenvRoot}), then build again. The previous venv stays in use until then.");
            }
            return false;
        }
    }

    private bool ReportedOutOfSpace(string what, OutputTail tail)
    {
        if (!OutOfSpace.IsReportedIn(tail.Lines))
        {
            return false;
        }
        LogOutOfSpace(what, "Last lines of output:" + Environment.NewLine + tail);
        return true;
    }

    private void LogOutOfSpace(string what, string detail) =>
        LogProjectError(VenvDiagnosticCodes.OutOfDiskSpace, $"{what} ran out of disk space. {detail}" + Environment.NewLine +
            $"Free some space on the disk that holds {VenvRoot} (and the temporary folder pip builds in), then build again. No requirement is at fault; the previous venv stays in use until then.");

    private static bool IsWhole(VenvSlots slots, string slot, string hash) =>
        slots.ReadStamp(slot) == hash && File.Exists(VenvLayout.PythonPath(slots.SlotDirectory(slot)));

    private static string Tail(OutputTail tail) =>
        tail.Lines.Count == 0 ? "" : Environment.NewLine + "Last lines of output:" + Environment.NewLine + tail;

    private void LogProjectError(string code, string message) =>
        Log.LogError(null, code, null, string.IsNullOrEmpty(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode ?? "" : ProjectFile, 0, 0, 0, 0, message);

    private void SetOutputs(string venvDirectory)
    {
        VenvDirectory = venvDirectory;
        VenvPython = VenvLayout.PythonPath(venvDirectory);
        SitePackages = VenvLayout.SitePackages(venvDirectory);
    }
}
