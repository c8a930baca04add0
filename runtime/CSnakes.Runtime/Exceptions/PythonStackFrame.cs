namespace CSnakes.Runtime;

/// <summary>One frame of a Python traceback, innermost last (as Python prints them).</summary>
/// <param name="FileName">The source file of the frame's code.</param>
/// <param name="LineNumber">The line being executed.</param>
/// <param name="FunctionName">The function (or <c>&lt;module&gt;</c>).</param>
/// <param name="SourceLine">The source text of the line, when Python could read it.</param>
public sealed record PythonStackFrame(string FileName, int LineNumber, string FunctionName, string? SourceLine);
