namespace CSnakes.Python.Tasks.Signatures;

// The JSON printed by scripts/read_signatures.py, read with snake_case property names.

/// <summary>Everything the reader script reported, one entry per file in the order asked.</summary>
// StdlibModules: the top-level module names of the reading interpreter's standard library.
internal sealed record SignatureReport(int Version, IReadOnlyList<FileSignatures> Files, IReadOnlyList<string>? StdlibModules = null);

/// <summary>
/// One file: either <see cref="Error"/> (it does not parse) or its docstring, functions and classes.
/// <see cref="Module"/>: the module name the build gave (null when unknown). <see cref="Skipped"/>:
/// public definitions the reader could not or chose not to read (CSPY3008); <see cref="Inactive"/>:
/// definitions in branches that do not apply to this interpreter/platform (correctly left out);
/// <see cref="Names"/>: every public module-level name after conditions.
/// </summary>
internal sealed record FileSignatures(
    string Path,
    PythonSyntaxError? Error,
    string? Docstring,
    IReadOnlyList<PythonFunction>? Functions,
    IReadOnlyList<PythonEnum>? Enums = null,
    IReadOnlyList<PythonRecord>? Records = null,
    IReadOnlyList<PythonClass>? Classes = null,
    string? Module = null,
    IReadOnlyList<SkippedDefinition>? Skipped = null,
    IReadOnlyList<SkippedDefinition>? Inactive = null,
    IReadOnlyList<PublicName>? Names = null,
    IReadOnlyList<PythonClassAttribute>? Constants = null);

/// <summary>
/// A definition the reader left out: <see cref="Name"/> is <c>f</c>, <c>Class</c>, <c>Class.method</c>
/// or <c>*</c> (a star import or the whole file); line and column are 1-based, 0 when unknown.
/// </summary>
internal sealed record SkippedDefinition(string Name, int Line, int Column, string Reason);

/// <summary>
/// A public module-level name; <see cref="Kind"/> is one of <c>function</c>, <c>class</c>,
/// <c>constant</c>, <c>alias</c>, <c>typevar</c>, <c>import</c> (a re-export of a name from a file not read).
/// </summary>
internal sealed record PublicName(string Name, string Kind, int Line);

/// <summary>
/// A module-level class that is neither an enum nor a record, with the <c>def</c>s of its body in order
/// (<c>self</c> still first, decorators as written). <see cref="HasBases"/>: the class names base classes;
/// <see cref="Bases"/> those that are names, dotted as the module's imports resolve them (bare for its own classes).
/// </summary>
/// <see cref="ReexportedFrom"/>: set when the class is defined in that other module and re-exported by this one.
/// <see cref="NestedClasses"/>: public classes defined in its body (enums and records carry the same list).
/// <see cref="Attributes"/>: the public annotated names of its body (class constants and instance attributes).
internal sealed record PythonClass(string Name, int Line, int Column, string? Docstring, bool HasBases, IReadOnlyList<PythonFunction> Methods, string? ReexportedFrom = null,
    IReadOnlyList<NestedClass>? NestedClasses = null, IReadOnlyList<PythonClassAttribute>? Attributes = null, string? ReexportedName = null,
    IReadOnlyList<string>? Bases = null);

/// <summary>
/// A public annotated name of a class body. <see cref="Kind"/> is <c>class</c> for <c>ClassVar[T]</c> and a
/// <c>Final</c> with a value (read from the class), <c>instance</c> for any other (<c>x: int</c>, read from an
/// instance). <see cref="Annotation"/> is <c>T</c> without the <c>ClassVar</c>/<c>Final</c> marker (a bare
/// <c>Final = 3</c> has its literal's type); null when nothing says the type.
/// </summary>
internal sealed record PythonClassAttribute(string Name, int Line, int Column, PythonAnnotation? Annotation, string Kind, bool Final, PythonDefault? Default);

/// <summary>A public class defined inside another class's body; it gets no C# type.</summary>
internal sealed record NestedClass(string Name, int Line);

/// <summary>
/// A module-level <c>@dataclass</c>, <c>NamedTuple</c> or <c>TypedDict</c> class (<see cref="Kind"/>); fields in
/// declaration order; <see cref="Methods"/> the <c>def</c>s of its body.
/// </summary>
internal sealed record PythonRecord(
    string Name, RecordKind Kind, int Line, int Column, IReadOnlyList<PythonRecordField> Fields,
    IReadOnlyList<PythonFunction>? Methods = null, string? ReexportedFrom = null, IReadOnlyList<NestedClass>? NestedClasses = null, string? ReexportedName = null);

/// <summary>What makes a class a record; the script spells each in lower case (<c>dataclass</c>, <c>namedtuple</c>, <c>typeddict</c>).</summary>
internal enum RecordKind
{
    Dataclass,
    NamedTuple,
    TypedDict,
}

/// <summary>
/// One annotated field of a record class, with its default when it has one. <see cref="Required"/> is
/// false for a TypedDict key that may be missing (<c>NotRequired[T]</c>, or a <c>total=False</c> class).
/// </summary>
internal sealed record PythonRecordField(string Name, int Line, PythonAnnotation? Annotation, PythonDefault? Default, bool Required = true);

/// <summary>
/// A module-level class deriving from <c>enum.Enum</c>/<c>IntEnum</c>/<c>StrEnum</c>/<c>Flag</c>/<c>IntFlag</c>
/// (<see cref="Base"/>). <see cref="Problem"/> says why its values cannot be known (e.g. <c>auto()</c>).
/// </summary>
/// <see cref="Methods"/>: the <c>def</c>s of its body, which a C# enum cannot carry.
internal sealed record PythonEnum(string Name, string Base, int Line, int Column, IReadOnlyList<PythonEnumMember> Members, string? Problem, string? ReexportedFrom = null,
    IReadOnlyList<PythonFunction>? Methods = null, IReadOnlyList<NestedClass>? NestedClasses = null, string? ReexportedName = null);

/// <summary>An enum member with a literal value; <see cref="Kind"/> is <c>int</c> or <c>str</c>, <see cref="Value"/> its text.</summary>
internal sealed record PythonEnumMember(string Name, string Kind, string Value, int Line);

/// <summary>Why a file could not be parsed; line and column are 1-based, 0 when unknown.</summary>
internal sealed record PythonSyntaxError(string Message, int Line, int Column);

/// <summary>
/// A module-level <c>def</c> or <c>async def</c>. <see cref="ReexportedFrom"/>: the module that defines
/// it, when this module only re-exports it (<c>from ._api import get</c>).
/// </summary>
internal sealed record PythonFunction(
    string Name,
    int Line,
    int Column,
    int EndLine,
    bool IsAsync,
    IReadOnlyList<string> Decorators,
    string? Docstring,
    PythonAnnotation? Returns,
    IReadOnlyList<PythonParameter> Parameters,
    bool CsharpIgnore,
    string? ReexportedFrom = null);

/// <summary>
/// One parameter; <see cref="Kind"/> is one of the <see cref="ParameterKinds"/> strings.
/// <see cref="PythonName"/>: the name as written when it differs from <see cref="Name"/> (a stub's
/// positional-only <c>__x</c> is reported as <c>x</c>).
/// </summary>
internal sealed record PythonParameter(
    string Name,
    string Kind,
    int Line,
    int Column,
    PythonAnnotation? Annotation,
    PythonDefault? Default,
    string? PythonName = null);

/// <summary>The parameter kinds as the script spells them (<c>inspect.Parameter</c> kinds, snake_cased).</summary>
internal static class ParameterKinds
{
    public const string PositionalOnly = "positional_only";
    public const string PositionalOrKeyword = "positional_or_keyword";
    public const string VarPositional = "var_positional";
    public const string KeywordOnly = "keyword_only";
    public const string VarKeyword = "var_keyword";
}

/// <summary>An annotation: its source text, where it is, and its resolved structure.</summary>
internal sealed record PythonAnnotation(string Text, int Line, int Column, AnnotationNode Type);

/// <summary>A resolved annotation tree; <see cref="Kind"/> says which fields are set.</summary>
internal sealed record AnnotationNode(AnnotationKind Kind, string? Name, IReadOnlyList<AnnotationNode>? Args, string? Text)
{
    public IReadOnlyList<AnnotationNode> Arguments => Args ?? [];
}

/// <summary>What an <see cref="AnnotationNode"/> is; the script spells each in lower case.</summary>
internal enum AnnotationKind
{
    /// <summary>A name, with <see cref="AnnotationNode.Name"/> resolved through imports (e.g. <c>typing.Optional</c>) and its subscript in <see cref="AnnotationNode.Args"/>.</summary>
    Name,

    /// <summary><c>None</c>.</summary>
    None,

    /// <summary><c>A | B</c>, the members in <see cref="AnnotationNode.Args"/>.</summary>
    Union,

    /// <summary><c>...</c>.</summary>
    Ellipsis,

    /// <summary><c>[A, B]</c> (a <c>Callable</c>'s parameters), the items in <see cref="AnnotationNode.Args"/>.</summary>
    List,

    /// <summary>An argument of <c>Literal[...]</c>: <see cref="AnnotationNode.Name"/> is <c>str</c> or <c>int</c>, <see cref="AnnotationNode.Text"/> the value itself, not its source.</summary>
    Literal,

    /// <summary>Anything else; <see cref="AnnotationNode.Text"/> holds its source.</summary>
    Other,
}

/// <summary>
/// A default value. <see cref="Kind"/>: <c>int</c>, <c>float</c>, <c>str</c>, <c>bool</c> (with
/// <see cref="Value"/>: exact decimal, Python repr, the string, or <c>true</c>/<c>false</c>),
/// <c>none</c>, or <c>expression</c> (anything else). <see cref="Text"/> is the source text.
/// </summary>
internal sealed record PythonDefault(string Kind, string? Value, string Text);
