namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// One generated wrapper class: its methods (planned like module functions, without <c>self</c>; static and class
/// methods marked <see cref="FunctionWrapper.IsStatic"/>) and properties (<c>@property</c>s and annotated class attributes);
/// <see cref="Protocols"/>: what its special methods become (operators, a collection, a context manager).
/// </summary>
internal sealed record ClassWrapper(ClassType Type, string? Docstring, IReadOnlyList<FunctionWrapper> Methods, IReadOnlyList<PropertyWrapper> Properties,
    ClassProtocols? Protocols = null);

/// <summary>
/// A C# property for an annotated Python <c>@property</c>; <see cref="HasSetter"/> when a <c>@x.setter</c> exists.
/// Also a get-only one for an annotated attribute of the class body: <see cref="IsStatic"/> for a class constant
/// (<c>ClassVar</c>, <c>Final</c> with a value), read from the class object; an instance attribute reads the instance.
/// <see cref="IsAttribute"/> says which of the two kinds of Python member it stands for (for its XML docs).
/// </summary>
internal sealed record PropertyWrapper(string PythonName, string CSharpName, string? Docstring, CSharpType Type, bool HasSetter, bool IsStatic = false, bool IsAttribute = false);

/// <summary>
/// The members of a Python enum class C# calls on one of its members: extension methods of the types class on the C# enum
/// <see cref="Type"/>, one per instance method and one (without parameters) per annotated <c>@property</c>.
/// </summary>
internal sealed record EnumExtensions(EnumType Type, IReadOnlyList<FunctionWrapper> Methods, IReadOnlyList<PropertyWrapper> Properties);
