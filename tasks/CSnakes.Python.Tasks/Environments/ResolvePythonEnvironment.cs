using CSnakes.Python.Tasks.Environments;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Turns <c>PythonEnvironment</c> (a folder) or <c>PythonCondaEnvironment</c> (a name or folder) into the
/// environment the project uses as it is, instead of a venv of its own. Reads files only, so it runs in every
/// build, design-time ones included. With neither set it only warns (CSPY0007) when <c>PythonExecutable</c> is a
/// venv's interpreter, which resolution replaces by the venv's base. See docs/errors.md for its diagnostics.
/// </summary>
public sealed class ResolvePythonEnvironment : Microsoft.Build.Utilities.Task
{
    /// <summary>An existing venv, conda environment or Python prefix, by folder.</summary>
    public string? PythonEnvironment { get; set; }

    /// <summary>A conda environment by name (<c>base</c>, <c>myenv</c>) or folder.</summary>
    public string? PythonCondaEnvironment { get; set; }

    /// <summary>The project's PythonExecutable, to detect a second choice of interpreter and a venv's interpreter.</summary>
    public string? PythonExecutable { get; set; }

    /// <summary>The project's PythonHome, to detect a second choice of interpreter.</summary>
    public string? PythonHome { get; set; }

    /// <summary>The project, named in diagnostics.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The environment's folder; empty when none is used.</summary>
    [Output] public string EnvironmentDirectory { get; private set; } = "";

    /// <summary><c>Venv</c>, <c>Conda</c> or <c>Prefix</c>; empty when none is used.</summary>
    [Output] public string EnvironmentKind { get; private set; } = "";

    /// <summary>The environment's interpreter (for a venv, the venv's own <c>bin/python</c>).</summary>
    [Output] public string EnvironmentPython { get; private set; } = "";

    internal HostFacts Host { get; set; } = HostFacts.Current;

    /// <inheritdoc />
    public override bool Execute()
    {
        var byPath = PythonEnvironment?.Trim() ?? "";
        var byConda = PythonCondaEnvironment?.Trim() ?? "";
        if (byPath.Length == 0 && byConda.Length == 0)
        {
            WarnWhenExecutableIsInsideVenv();
            return true;
        }

        var chosen = new[] { ("PythonEnvironment", byPath), ("PythonCondaEnvironment", byConda), ("PythonExecutable", PythonExecutable?.Trim() ?? ""), ("PythonHome", PythonHome?.Trim() ?? "") }
            .Where(p => p.Item2.Length > 0).Select(p => $"{p.Item1}='{p.Item2}'").ToList();
        if (chosen.Count > 1)
        {
            LogError(EnvironmentDiagnosticCodes.ConflictingChoice, $"Only one of PythonEnvironment, PythonCondaEnvironment, PythonExecutable and PythonHome may choose the Python, but {string.Join(" and ", chosen)} are set. " +
                "Keep the one you mean: an environment brings its own interpreter.");
            return false;
        }

        string folder;
        string property;
        if (byPath.Length > 0)
        {
            (folder, property) = (byPath, "PythonEnvironment");
        }
        else if (LooksLikePath(byConda))
        {
            (folder, property) = (byConda, "PythonCondaEnvironment");
        }
        else
        {
            var found = CondaEnvironments.Find(byConda, Host, out var looked);
            if (found is null)
            {
                LogError(EnvironmentDiagnosticCodes.NotAnEnvironment, $"No conda environment called '{byConda}' was found (PythonCondaEnvironment). Looked in: {string.Join(", ", looked)}. " +
                    "Create it (conda create -n NAME python=3.12), set CONDA_EXE or CONDA_ENVS_PATH so it can be found, or give its folder.");
                return false;
            }
            (folder, property) = (found, "PythonCondaEnvironment");
        }

        var environment = ExistingEnvironmentLocator.Inspect(folder, Host.Os, out var error);
        if (environment is null)
        {
            LogError(EnvironmentDiagnosticCodes.NotAnEnvironment, $"{property} '{folder}' cannot be used: {error}. " +
                "Point it at a venv (python -m venv DIR), a conda environment or a Python installation's folder, or remove it so the build makes a venv of its own.");
            return false;
        }

        EnvironmentDirectory = environment.Directory;
        EnvironmentKind = environment.Kind.ToString();
        EnvironmentPython = environment.Python;
        Log.LogMessage(MessageImportance.Normal, $"Using the existing {environment.Kind.ToString().ToLowerInvariant()} environment {environment.Directory} ({property}); the build installs nothing into it.");
        return true;
    }

    private void WarnWhenExecutableIsInsideVenv()
    {
        if (string.IsNullOrWhiteSpace(PythonExecutable) || VenvConfig.VenvOfInterpreter(PythonExecutable) is not { } venv)
        {
            return;
        }
        Log.LogWarning(null, EnvironmentDiagnosticCodes.ExecutableInsideVenv, null, Location, 0, 0, 0, 0,
            $"PythonExecutable '{PythonExecutable}' is the interpreter of the venv {venv}. The build makes its own venv from that venv's base interpreter, " +
            $"so the packages installed in {venv} are not seen. To use that venv as it is, set PythonEnvironment={venv} instead; to just choose the interpreter, point PythonExecutable at the base (pyvenv.cfg's 'home').");
    }

    private static bool LooksLikePath(string value) =>
        value.Contains('/') || value.Contains('\\') || value.StartsWith('.');

    private string Location => string.IsNullOrEmpty(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode ?? "" : ProjectFile;

    private void LogError(string code, string message) => Log.LogError(null, code, null, Location, 0, 0, 0, 0, message);
}
