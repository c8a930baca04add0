namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>One generated wrapper class: its methods (planned like module functions, without <c>self</c>) and properties.</summary>
internal sealed record ClassWrapper(ClassType Type, string? Docstring, IReadOnlyList<FunctionWrapper> Methods, IReadOnlyList<PropertyWrapper> Properties);

/// <summary>A C# property for an annotated Python <c>@property</c>; <see cref="HasSetter"/> when a <c>@x.setter</c> exists.</summary>
internal sealed record PropertyWrapper(string PythonName, string CSharpName, string? Docstring, CSharpType Type, bool HasSetter);
