namespace CSnakes.Python.Tasks.Environments;

/// <summary>
/// A venv is a folder with <c>pyvenv.cfg</c>; its interpreter sits in <c>bin/</c> (<c>Scripts\</c> on Windows).
/// The one rule for "is this interpreter a venv's", used for PythonEnvironment and for the CSPY0007 warning.
/// </summary>
internal static class VenvConfig
{
    public const string FileName = "pyvenv.cfg";

    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, FileName));

    /// <summary>The venv whose interpreter <paramref name="executable"/> is (as written, links not followed), or null.</summary>
    public static string? VenvOfInterpreter(string executable)
    {
        var binDirectory = Path.GetDirectoryName(Path.GetFullPath(executable));
        var venv = binDirectory is null ? null : Path.GetDirectoryName(binDirectory);
        return venv is not null && Exists(venv) ? venv : null;
    }
}
