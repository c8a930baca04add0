using CSnakes.VirtualEnvironments;

namespace CSnakes.Python.Tasks.Environments;

/// <summary>
/// Tells what a folder named by <c>PythonEnvironment</c> is, from files alone (no Python is run): a venv has
/// <c>pyvenv.cfg</c>, a conda environment <c>conda-meta/</c>, a plain prefix an interpreter under <c>bin/</c>.
/// </summary>
internal static class ExistingEnvironmentLocator
{
    /// <summary>The environment at <paramref name="path"/>, or null with <paramref name="error"/> saying what is missing.</summary>
    public static ExistingEnvironment? Inspect(string path, HostOs os, out string? error)
    {
        error = null;
        var directory = Path.GetFullPath(path.Trim());
        if (File.Exists(directory))
        {
            error = $"'{directory}' is a file, not an environment's folder. Name the folder (the one holding pyvenv.cfg or conda-meta/), " +
                "or set PythonExecutable instead to choose just the interpreter.";
            return null;
        }
        if (!Directory.Exists(directory))
        {
            error = $"the folder '{directory}' does not exist";
            return null;
        }

        if (VenvLayout.IsVenv(directory))
        {
            var venvPython = VenvPython(directory, os);
            if (venvPython is null)
            {
                error = $"'{directory}' has a pyvenv.cfg but no interpreter at {Path.Combine(directory, os == HostOs.Windows ? "Scripts" : "bin")}; recreate the venv";
                return null;
            }
            return new ExistingEnvironment(directory, EnvironmentKind.Venv, venvPython);
        }

        var prefixPython = PrefixPython(directory, os);
        var isConda = Directory.Exists(Path.Combine(directory, "conda-meta"));
        if (prefixPython is null)
        {
            error = isConda
                ? $"the conda environment '{directory}' has no Python installed (conda install -p {directory} python)"
                : $"'{directory}' is neither a venv (no pyvenv.cfg), a conda environment (no conda-meta/) nor a Python installation (no {(os == HostOs.Windows ? "python.exe" : "bin/python3")})";
            return null;
        }
        return new ExistingEnvironment(directory, isConda ? EnvironmentKind.Conda : EnvironmentKind.Prefix, prefixPython);
    }

    private static string? VenvPython(string directory, HostOs os) =>
        FirstFile(os == HostOs.Windows
            ? [Path.Combine(directory, "Scripts", "python.exe")]
            : [Path.Combine(directory, "bin", "python"), Path.Combine(directory, "bin", "python3")]);

    // conda puts python.exe at the environment's root on Windows and bin/python elsewhere.
    private static string? PrefixPython(string directory, HostOs os) =>
        FirstFile(os == HostOs.Windows
            ? [Path.Combine(directory, "python.exe")]
            : [Path.Combine(directory, "bin", "python3"), Path.Combine(directory, "bin", "python")]);

    private static string? FirstFile(IEnumerable<string> candidates) => candidates.FirstOrDefault(File.Exists);
}
