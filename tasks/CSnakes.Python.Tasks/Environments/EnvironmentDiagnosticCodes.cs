namespace CSnakes.Python.Tasks.Environments;

/// <summary>The codes of an existing environment's diagnostics; docs/errors.md says what each means.</summary>
internal static class EnvironmentDiagnosticCodes
{
    /// <summary>PythonEnvironment / PythonCondaEnvironment names no usable Python environment.</summary>
    public const string NotAnEnvironment = "CSPY1011";

    /// <summary>A requirement of requirements.txt is not installed in the existing environment (warning).</summary>
    public const string RequirementNotInstalled = "CSPY1012";

    /// <summary>Two ways of choosing the interpreter are set at once (PythonEnvironment with PythonExecutable, …).</summary>
    public const string ConflictingChoice = "CSPY1013";

    /// <summary>PythonExecutable is a venv's interpreter: the build uses its base, not the venv's packages (warning).</summary>
    public const string ExecutableInsideVenv = "CSPY0007";
}
