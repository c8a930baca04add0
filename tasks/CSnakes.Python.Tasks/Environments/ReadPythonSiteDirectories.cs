using CSnakes.Python.Tasks.Environments;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks;

/// <summary>
/// The folders of installed packages an interpreter sees, in <c>sys.path</c> order (see <see cref="EnvironmentFacts"/>),
/// for publishing: with system site-packages or an existing environment, the published app must carry all of them.
/// </summary>
public sealed class ReadPythonSiteDirectories : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The interpreter whose view is wanted (a venv's, or an environment's).</summary>
    [Required] public string Python { get; set; } = "";

    /// <summary>The project, for error locations.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>The site directories, in order.</summary>
    [Output] public ITaskItem[] SiteDirectories { get; private set; } = [];

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var facts = EnvironmentFacts.Ask(Python, siteDirectories: true, distributions: false, cancellation.Token, out var error);
        if (facts is null)
        {
            Log.LogError(null, EnvironmentDiagnosticCodes.NotAnEnvironment, null, ProjectFile ?? "", 0, 0, 0, 0,
                $"Cannot list the packages to publish: {error}. Rebuild, and check that the environment still works.");
            return false;
        }
        SiteDirectories = facts.SiteDirectories.Select(d => (ITaskItem)new TaskItem(d)).ToArray();
        Log.LogMessage(MessageImportance.Normal, $"Site directories of {Python}: {string.Join(", ", facts.SiteDirectories)}.");
        return true;
    }
}
