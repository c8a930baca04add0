using CSnakes.Python.Tasks.Environments;
using Microsoft.Build.Framework;

namespace CSnakes.Python.Tasks;

/// <summary>
/// With an existing environment the build installs nothing (it never writes into an environment it did not make),
/// so requirements.txt is only checked: each distribution it names that the environment's interpreter cannot see
/// is a CSPY1012 warning at its line. Versions and markers are not compared; pip in that environment is the judge.
/// </summary>
public sealed class CheckEnvironmentRequirements : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The environment's interpreter.</summary>
    [Required] public string EnvironmentPython { get; set; } = "";

    /// <summary>The environment's folder, named in the messages.</summary>
    [Required] public string EnvironmentDirectory { get; set; } = "";

    /// <summary>The project's requirements files.</summary>
    public ITaskItem[] RequirementsFiles { get; set; } = [];

    /// <summary>The project, named when the interpreter cannot be asked.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>True when every named distribution was found (the target then records that nothing needs checking again).</summary>
    [Output] public bool AllInstalled { get; private set; }

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var files = RequirementsFiles.Select(i => i.GetMetadata("FullPath") is { Length: > 0 } full ? full : Path.GetFullPath(i.ItemSpec)).Where(File.Exists).ToList();
        var wanted = files.SelectMany(f => RequirementsFile.RequirementNames(f).Select(r => (File: f, r.Name, r.Line))).ToList();
        if (wanted.Count == 0)
        {
            AllInstalled = true;
            return true;
        }

        var facts = EnvironmentFacts.Ask(EnvironmentPython, siteDirectories: false, distributions: true, cancellation.Token, out var error);
        if (facts is null)
        {
            // Not fatal: the requirements are a check here, and running the app will say what is missing.
            Log.LogWarning(null, EnvironmentDiagnosticCodes.RequirementNotInstalled, null, ProjectFile ?? "", 0, 0, 0, 0,
                $"Could not check the requirements against the environment {EnvironmentDirectory}: {error}.");
            return !Log.HasLoggedErrors;
        }

        AllInstalled = true;
        foreach (var (file, name, line) in wanted)
        {
            if (!facts.Distributions.ContainsKey(RequirementsFile.Normalize(name)))
            {
                AllInstalled = false;
                Log.LogWarning(null, EnvironmentDiagnosticCodes.RequirementNotInstalled, null, file, line, 0, 0, 0,
                    $"'{name}' is not installed in the environment {EnvironmentDirectory}, and the build installs nothing into an environment it did not make. " +
                    $"Install it there ({EnvironmentPython} -m pip install -r {Path.GetFileName(file)}, or conda install), or remove it from {Path.GetFileName(file)}.");
            }
        }
        Log.LogMessage(MessageImportance.Normal, $"Checked {wanted.Count} requirement(s) against the environment {EnvironmentDirectory}.");
        return !Log.HasLoggedErrors;
    }
}
