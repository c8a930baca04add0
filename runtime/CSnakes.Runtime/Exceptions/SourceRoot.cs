namespace CSnakes.Runtime;

/// <summary>A folder holding copies of a project's Python files (<paramref name="Output"/>) and the project folder they come from.</summary>
internal sealed record SourceRoot(string Output, string Source);
