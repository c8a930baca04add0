namespace CSnakes.Python.Tasks;

/// <summary>
/// Tells a full disk from other failures, so the error says "free some space" rather than blaming the
/// input (a requirement, a folder's permissions) that happened to be written when the space ran out.
/// </summary>
internal static class OutOfSpace
{
    // ENOSPC as Python prints it ("[Errno 28] No space left on device"), as .NET words it on Unix, and
    // Windows' ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL texts; EDQUOT (a quota) is the same thing to the user.
    private static readonly string[] s_markers =
    [
        "No space left on device",
        "[Errno 28]",
        "Disk quota exceeded",
        "There is not enough space on the disk",
        "The disk is full",
    ];

    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);
    private const int ErrorDiskFull = unchecked((int)0x80070070);

    /// <summary>True when any line of a child's output reports a full disk.</summary>
    public static bool IsReportedIn(IEnumerable<string> lines) =>
        lines.Any(line => s_markers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when <paramref name="exception"/> is a write that failed for want of space.</summary>
    public static bool Caused(Exception exception) =>
        exception.HResult is ErrorHandleDiskFull or ErrorDiskFull || IsReportedIn([exception.Message]);
}
