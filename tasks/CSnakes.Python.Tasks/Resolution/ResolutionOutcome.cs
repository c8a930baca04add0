namespace CSnakes.Python.Tasks;

/// <summary>What resolution found: the chosen interpreter (or none), every candidate seen, and what to report.</summary>
internal sealed record ResolutionOutcome(
    PythonCandidate? Chosen,
    IReadOnlyList<PythonCandidate> Seen,
    IReadOnlyList<ResolutionDiagnostic> Diagnostics);
