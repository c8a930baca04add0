using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Build.Framework;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>
/// A build engine that records everything a task logs, so tests can assert on errors, warnings and messages.
/// Thread-safe: tasks may log from background threads.
/// </summary>
public sealed class FakeBuildEngine : IBuildEngine
{
    private readonly ConcurrentQueue<BuildErrorEventArgs> errors = new();
    private readonly ConcurrentQueue<BuildWarningEventArgs> warnings = new();
    private readonly ConcurrentQueue<BuildMessageEventArgs> messages = new();

    /// <summary>Errors in the order they were logged.</summary>
    public IReadOnlyList<BuildErrorEventArgs> Errors => errors.ToArray();

    /// <summary>Warnings in the order they were logged.</summary>
    public IReadOnlyList<BuildWarningEventArgs> Warnings => warnings.ToArray();

    /// <summary>Messages in the order they were logged.</summary>
    public IReadOnlyList<BuildMessageEventArgs> Messages => messages.ToArray();

    /// <summary>All message texts joined by newlines (handy for Contains assertions and failure output).</summary>
    public string MessageText => string.Join(Environment.NewLine, Messages.Select(m => m.Message));

    /// <summary>All error texts, each prefixed with its code, joined by newlines.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => $"{e.Code}: {e.Message}"));

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e) => errors.Enqueue(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => warnings.Enqueue(e);
    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        messages.Enqueue(e);
        MessageLogged?.Invoke(e.Message ?? "");
    }

    /// <summary>Raised for every message as it is logged (lets a test react mid-task, e.g. to cancel it).</summary>
    public event Action<string>? MessageLogged;
    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs)
        => throw new NotSupportedException("Tasks under test do not build other projects.");
}
