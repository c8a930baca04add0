namespace CSnakes.Python.Tasks;

/// <summary>How <see cref="ProcessRunner"/> runs one process.</summary>
internal sealed class ProcessRunOptions
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set in the child's environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Called on the calling thread for every stdout line, as it arrives.</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Called on the calling thread for every stderr line, as it arrives.</summary>
    public Action<string>? OnStandardError { get; init; }

    /// <summary>Written to the child's stdin (UTF-8, no BOM) while its output is read, then stdin is closed. Null: stdin is closed at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Keep the whole output in the result (turn off for chatty processes whose lines are streamed).</summary>
    public bool CaptureOutput { get; init; } = true;

    /// <summary>Kill the process (and its children) when it runs longer than this.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Kill the process (and its children) when this is canceled.</summary>
    public CancellationToken CancellationToken { get; init; }
}
