namespace CSnakes.Runtime;

/// <summary>A keyword argument for <see cref="PyObject.Call(ReadOnlySpan{PyObject}, ReadOnlySpan{KeywordArg})"/>.</summary>
/// <param name="Name">The parameter name as Python spells it.</param>
/// <param name="Value">The value; the caller keeps ownership.</param>
public readonly record struct KeywordArg(string Name, PyObject Value);
