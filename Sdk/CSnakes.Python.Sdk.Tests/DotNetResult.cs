namespace CSnakes.Python.Sdk.Tests;

/// <summary>What one `dotnet` invocation did.</summary>
public sealed record DotNetResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"$ {CommandLine}\n(exit {ExitCode}, {Elapsed.TotalSeconds:F1} s)\n{Output}";
}
