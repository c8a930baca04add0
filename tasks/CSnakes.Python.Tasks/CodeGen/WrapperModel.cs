namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Everything the emitter needs to write one module's wrapper.</summary>
// Namespace: the escaped namespace of every generated type.
// Enums, Records, Classes: the C# types nested in the module's types class (TypesClassName): its enum classes
// and Literal sets, its dataclass/NamedTuple/TypedDict records, its wrapped classes.
// RecordMethods: the methods of each record (by C# record name), called on a Python copy of the record.
// DefinedAs: for a type this module declares but another module defines (it re-exports it), by C# name, where Python defines it.
// Exceptions: the module's exception classes, as .NET exception types registered with the runtime.
// Constants: the module's annotated module-level names, as get-only properties of the module interface.
// EnumMembers: the methods and properties of its enum classes, as extension methods of the types class.
internal sealed record ModuleWrapper(
    string Namespace,
    string ModuleName,
    string Accessor,
    string? Docstring,
    IReadOnlyList<FunctionWrapper> Functions,
    IReadOnlyList<EnumType>? Enums = null,
    IReadOnlyList<RecordType>? Records = null,
    IReadOnlyList<ClassWrapper>? Classes = null,
    IReadOnlyDictionary<string, IReadOnlyList<FunctionWrapper>>? RecordMethods = null,
    IReadOnlyDictionary<string, string>? DefinedAs = null,
    IReadOnlyList<ExceptionType>? Exceptions = null,
    IReadOnlyList<PropertyWrapper>? Constants = null,
    IReadOnlyList<EnumExtensions>? EnumMembers = null)
{
    /// <summary>
    /// The module's signatures come from a stub of other code (a <c>.pyi</c>, an installed package): trailing arguments that
    /// hold the stub's default are not sent, so the running function's own signature and defaults decide.
    /// </summary>
    public bool ElideTrailingDefaults { get; init; }

    /// <summary>The get-only properties of each record (by C# record name), read from a Python copy of the record.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PropertyWrapper>>? RecordProperties { get; init; }

    public string InterfaceName => CSharpNames.InterfaceName(Accessor);
    public string ImplementationName => CSharpNames.ImplementationName(Accessor);
    public string ExtensionsClassName => CSharpNames.ExtensionsClassName(Accessor);
    public string TypesClassName => CSharpNames.TypesClassName(Accessor);

    /// <summary><paramref name="name"/> (a top-level type of this module) spelled from <c>global::</c>.</summary>
    public string Qualified(string name) => $"global::{Namespace}.{name}";

    /// <summary>True when the module declares enums, records or classes (and so its types class).</summary>
    public bool HasTypes => (Enums?.Count ?? 0) + (Records?.Count ?? 0) + (Classes?.Count ?? 0) + (Exceptions?.Count ?? 0) > 0;

    /// <summary>" (defined as <c>pkg._impl.Point</c>)" for a type declared here that another module defines, else "".</summary>
    public string DefinedAsNote(string typeName) =>
        DefinedAs is not null && DefinedAs.TryGetValue(typeName, out var origin) ? $" (defined as <c>{XmlDoc.Escape(origin)}</c>)" : "";
}

/// <summary>One wrapped function.</summary>
// ReturnType: Null for a <c>None</c> return (void).
// Parameters: In C# declaration order: required, then optional, then *args, then **kwargs.
// PythonSignature: The <c>def</c> line as Python would print it, for the XML remarks.
// IsAsync: The call returns a coroutine: the method returns Task/Task<ReturnType> and takes a trailing CancellationToken.
// IsAsyncIterator: The call returns an async iterator of ReturnType items: the method returns
// IAsyncEnumerable<ReturnType> and takes a trailing CancellationToken.
// Binding: how a method of a class reaches Python (an instance method, or a static/class method of the class object).
internal sealed record FunctionWrapper(
    string PythonName,
    string MethodName,
    string? Docstring,
    string PythonSignature,
    CSharpType? ReturnType,
    IReadOnlyList<ParameterWrapper> Parameters,
    bool IsAsync = false,
    bool IsAsyncIterator = false,
    MethodBinding Binding = MethodBinding.Instance)
{
    /// <summary>True for a <c>@staticmethod</c> or <c>@classmethod</c>: a static C# method that calls the class object.</summary>
    public bool IsStatic => Binding != MethodBinding.Instance;

    /// <summary>True when the method takes a trailing <c>CancellationToken</c>.</summary>
    public bool TakesCancellationToken => IsAsync || IsAsyncIterator;

    /// <summary>The name of the trailing <c>CancellationToken</c> parameter of an async method.</summary>
    public const string CancellationTokenName = "cancellationToken";
}

/// <summary>What a method of a Python class is bound to when it is called.</summary>
internal enum MethodBinding
{
    /// <summary>A plain method (or a module function): called on the instance, which Python passes as <c>self</c>.</summary>
    Instance,

    /// <summary>A <c>@staticmethod</c>: called on the class object, nothing bound.</summary>
    Static,

    /// <summary>A <c>@classmethod</c>: called on the class object, which Python passes as <c>cls</c>.</summary>
    Class,
}

/// <summary>How a parameter travels to Python.</summary>
internal enum ArgumentPassing
{
    /// <summary>
    /// In the positional argument list, in Python order, while every earlier positional argument was given;
    /// after an omitted one, by keyword (or, for a parameter that takes no keywords, an ArgumentException).
    /// </summary>
    Positional,

    /// <summary>As a keyword argument (<c>name=value</c>).</summary>
    Keyword,

    /// <summary>A <c>*args</c> array appended to the positional arguments.</summary>
    VarPositional,

    /// <summary>A <c>**kwargs</c> dictionary merged into the keyword arguments.</summary>
    VarKeyword,
}

/// <summary>What a null argument means for a nullable parameter.</summary>
internal enum NullMeaning
{
    /// <summary>The parameter is not nullable.</summary>
    NotNullable,

    /// <summary>null is sent as Python's None.</summary>
    None,

    /// <summary>null means "not given": the argument is not sent and Python's own default applies.</summary>
    Omit,
}

/// <summary>One parameter of a wrapped function.</summary>
// ValueType: The type of a present value (without the nullable wrapper); unused for *args/**kwargs.
// PythonIndex: Position in the Python parameter list (positional arguments keep Python's order).
// DefaultLiteral: The C# default value text, or null for a required parameter.
// KeywordAllowed: Python accepts it by name (not positional-only, not before *args), so it can follow an omitted argument.
internal sealed record ParameterWrapper(
    int PythonIndex,
    string PythonName,
    string CSharpName,
    CSharpType ValueType,
    NullMeaning Null,
    string? DefaultLiteral,
    ArgumentPassing Passing,
    bool KeywordAllowed = true,
    bool DefaultHidden = false,
    bool IsParams = false)
{
    /// <summary>The declared C# type. A <c>*args</c> array holds its items' type (<see cref="ValueType"/>), PyObject when they do not map.</summary>
    public string DeclaredType => Passing switch
    {
        ArgumentPassing.VarPositional => ValueType.ParameterSpelling + "[]?",
        ArgumentPassing.VarKeyword => $"{DotNetNames.IReadOnlyDictionary}<string, {DotNetNames.PyObject}>?",
        _ => Null == NullMeaning.NotNullable ? ValueType.ParameterSpelling : ValueType.ParameterSpelling + "?",
    };

    /// <summary>
    /// Whether the C# signature states the default. <see cref="DefaultHidden"/> keeps it out when another overload would
    /// make a call that leaves the parameter out ambiguous; <see cref="DefaultLiteral"/> still says what Python's default is.
    /// </summary>
    public bool IsOptional => DefaultLiteral is not null && !DefaultHidden;

    /// <summary>The type as the C# parameter list states it: <see cref="DeclaredType"/>, after <c>params</c> for a trailing <c>*args</c> array.</summary>
    public string Declaration => IsParams ? "params " + DeclaredType : DeclaredType;

    /// <summary>The local that holds the converted Python object.</summary>
    public string LocalName => "__py_" + CSharpName.TrimStart('@');
}

/// <summary>
/// A .NET exception type for a Python exception class of the module: <see cref="BaseSpelling"/> is the type of its
/// Python base (another generated exception type, a <c>BuiltinsModule</c> type, or <c>PythonInvocationException</c>).
/// The module's registration tells the runtime to raise it for <see cref="PythonModule"/>.<see cref="PythonClass"/>.
/// </summary>
internal sealed record ExceptionType(string Name, string BaseSpelling, string PythonModule, string PythonClass, string? Docstring);
