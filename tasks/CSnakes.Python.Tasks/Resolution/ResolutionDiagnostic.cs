namespace CSnakes.Python.Tasks;

/// <summary>An error or warning found while resolving, logged by the task at the project file.</summary>
internal sealed record ResolutionDiagnostic(bool IsError, string Code, string Message);
