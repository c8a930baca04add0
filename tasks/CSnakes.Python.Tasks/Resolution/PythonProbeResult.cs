namespace CSnakes.Python.Tasks;

/// <summary>The answer of an interpreter to <c>python_info.py</c>, or why there was none.</summary>
internal sealed record PythonProbeResult(PythonInfo? Info, string? Error)
{
    public static PythonProbeResult Failed(string error) => new(null, error);
}
