namespace CSnakes.Python.Tasks;

/// <summary>The errors <see cref="CreatePythonVenv"/> reports; docs/errors.md says what each means and how to fix it.</summary>
internal static class VenvDiagnosticCodes
{
    public const string VenvFailed = "CSPY1001";
    public const string PipFailed = "CSPY1002";
    public const string LockTimeout = "CSPY1003";
    public const string RequirementsMissing = "CSPY1004";
    public const string BasePythonMissing = "CSPY1005";
    public const string PipArgumentsUnreadable = "CSPY1006";
    public const string RequirementsUnreadable = "CSPY1007";

    /// <summary>A folder or file under VenvRoot cannot be created, emptied or written (an I/O error, not a Python one).</summary>
    public const string VenvRootUnwritable = "CSPY1009";

    /// <summary>venv or pip ran out of disk space: no requirement is at fault.</summary>
    public const string OutOfDiskSpace = "CSPY1010";

    /// <summary>PythonPackageInstaller names no known installer, or demands uv and there is none on PATH.</summary>
    public const string InstallerUnavailable = "CSPY1014";
}
