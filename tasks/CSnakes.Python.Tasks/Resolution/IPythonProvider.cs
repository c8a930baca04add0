namespace CSnakes.Python.Tasks;

/// <summary>One way of finding Pythons on a machine (a package layout, an installer's folder, discovery).</summary>
internal interface IPythonProvider
{
    /// <summary>Short name for logs and error messages.</summary>
    string Name { get; }

    /// <summary>Every interpreter this provider can see, usable or rejected with the reason.</summary>
    IReadOnlyList<PythonCandidate> FindCandidates(CancellationToken cancellationToken);
}
