namespace CSnakes.Python.Tasks;

/// <summary>What happened to a process run by <see cref="ProcessRunner"/>.</summary>
/// <param name="ExitCode">The exit code; -1 when the process did not start or was killed.</param>
/// <param name="StandardOutput">Captured stdout (empty when capture was off).</param>
/// <param name="StandardError">Captured stderr (empty when capture was off).</param>
/// <param name="TimedOut">The process was killed because it ran past its timeout.</param>
/// <param name="Canceled">The process was killed because the run was canceled.</param>
/// <param name="StartError">Why the process could not be started, or null when it started.</param>
internal sealed record ProcessResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    bool TimedOut,
    bool Canceled,
    string? StartError)
{
    public bool Succeeded => StartError is null && !TimedOut && !Canceled && ExitCode == 0;

    public static ProcessResult FailedToStart(string reason) => new(-1, "", "", false, false, reason);

    /// <summary>One line saying why the run failed, for error messages.</summary>
    public string Describe() =>
        StartError is not null ? $"could not be started: {StartError}"
        : TimedOut ? "timed out and was stopped"
        : Canceled ? "was canceled"
        : $"exited with code {ExitCode}";
}
