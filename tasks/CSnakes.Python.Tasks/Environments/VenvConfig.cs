using CSnakes.VirtualEnvironments;

namespace CSnakes.Python.Tasks.Environments;

/// <summary>
/// "Is this interpreter a venv's": its folder's parent holds <c>pyvenv.cfg</c> (the interpreter sits in <c>bin/</c>,
/// <c>Scripts\</c> on Windows). Used for the CSPY0007 warning.
/// </summary>
internal static class VenvConfig
{
    /// <summary>The venv whose interpreter <paramref name="executable"/> is (as written, links not followed), or null.</summary>
    public static string? VenvOfInterpreter(string executable)
    {
        var binDirectory = Path.GetDirectoryName(Path.GetFullPath(executable));
        var venv = binDirectory is null ? null : Path.GetDirectoryName(binDirectory);
        return venv is not null && VenvLayout.IsVenv(venv) ? venv : null;
    }
}
