namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// A C# type that a Python annotation maps to, with the runtime converter that moves values of it
/// across (see docs/architecture.md, "What generated code may use").
/// </summary>
internal abstract record CSharpType
{
    /// <summary>The type as a return value or as an element inside another type.</summary>
    public abstract string Spelling { get; }

    /// <summary>The type as a method parameter; collections accept more than they return.</summary>
    public virtual string ParameterSpelling => Spelling;

    public abstract bool IsValueType { get; }

    /// <summary>An expression that evaluates to the converter for this type.</summary>
    public abstract string ConverterExpression { get; }

    /// <summary>The converter's static type, so its extra overloads (ToPython(IEnumerable)) are visible.</summary>
    public abstract string ConverterType { get; }

    /// <summary>True when the converter is a shared singleton and needs no field of its own.</summary>
    public virtual bool HasSingletonConverter => false;

    /// <summary>A PascalCase fragment naming the type, used to name converter fields.</summary>
    public abstract string NameFragment { get; }

    /// <summary>
    /// For a lazily converted return (iterables, generators): the converter expression that names
    /// <paramref name="context"/> (the Python function) in errors raised while enumerating; null otherwise.
    /// </summary>
    public virtual string? LazyConverterExpression(string context) => null;
}

/// <summary>A type with a singleton converter: long, double, string, byte[], bool, PyObject, the stdlib value types, IPyBuffer.</summary>
internal sealed record ScalarType(string Spelled, string ConverterClass, bool ValueType, string Fragment) : CSharpType
{
    public static readonly ScalarType Int = new("long", "IntConverter", true, "Int");
    public static readonly ScalarType Float = new("double", "FloatConverter", true, "Float");
    public static readonly ScalarType Str = new("string", "StrConverter", false, "Str");
    public static readonly ScalarType Bytes = new("byte[]", "BytesConverter", false, "Bytes");
    public static readonly ScalarType Bool = new("bool", "BoolConverter", true, "Bool");
    public static readonly ScalarType Object = new(DotNetNames.PyObject, "PyObjectConverter", false, "Object");
    public static readonly ScalarType DateTime = new(DotNetNames.System("DateTime"), "DateTimeConverter", true, "DateTime");
    public static readonly ScalarType DateTimeOffset = new(DotNetNames.System("DateTimeOffset"), "DateTimeOffsetConverter", true, "DateTimeOffset");
    public static readonly ScalarType Date = new(DotNetNames.System("DateOnly"), "DateConverter", true, "Date");
    public static readonly ScalarType Time = new(DotNetNames.System("TimeOnly"), "TimeConverter", true, "Time");
    public static readonly ScalarType TimeDelta = new(DotNetNames.System("TimeSpan"), "TimeDeltaConverter", true, "TimeDelta");
    public static readonly ScalarType Decimal = new("decimal", "DecimalConverter", true, "Decimal");
    public static readonly ScalarType Uuid = new(DotNetNames.System("Guid"), "UuidConverter", true, "Uuid");
    public static readonly ScalarType BigInteger = new(DotNetNames.System("Numerics.BigInteger"), "BigIntegerConverter", true, "BigInteger");
    public static readonly ScalarType Buffer = new(DotNetNames.PyBuffer, "BufferConverter", false, "Buffer");

    public override string Spelling => Spelled;
    public override bool IsValueType => ValueType;
    public override string ConverterExpression => ConverterType + ".Instance";
    public override string ConverterType => DotNetNames.Converter(ConverterClass);
    public override bool HasSingletonConverter => true;
    public override string NameFragment => Fragment;
}

/// <summary>
/// <c>list[T]</c> / <c>Sequence[T]</c>: any <c>IEnumerable&lt;T&gt;</c> in, <c>IReadOnlyList&lt;T&gt;</c> out.
/// <see cref="AnySequence"/> (an abstract annotation) reads back whatever Python calls a sequence (a range, a tuple…);
/// <see cref="AnyCollection"/> (<c>Collection[T]</c>, dict views) any iterable collection, a set included.
/// </summary>
internal sealed record ListType(CSharpType Element, bool AnySequence = false, bool AnyCollection = false) : CSharpType
{
    public override string Spelling => $"{DotNetNames.IReadOnlyList}<{Element.Spelling}>";
    public override string ParameterSpelling => $"{DotNetNames.IEnumerable}<{Element.Spelling}>";
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("ListConverter")}<{Element.Spelling}>";
    public override string ConverterExpression =>
        AnyCollection ? $"new {ConverterType}({Element.ConverterExpression}, anySequence: true, anyCollection: true)"
        : AnySequence ? $"new {ConverterType}({Element.ConverterExpression}, anySequence: true)"
        : $"new {ConverterType}({Element.ConverterExpression})";
    public override string NameFragment => (AnyCollection ? "CollectionOf" : AnySequence ? "SequenceOf" : "ListOf") + Element.NameFragment;
}

/// <summary>
/// <c>tuple[T, ...]</c>: any <c>IEnumerable&lt;T&gt;</c> in (sent as a Python tuple), <c>IReadOnlyList&lt;T&gt;</c> out.
/// </summary>
internal sealed record TupleListType(CSharpType Element) : CSharpType
{
    public override string Spelling => $"{DotNetNames.IReadOnlyList}<{Element.Spelling}>";
    public override string ParameterSpelling => $"{DotNetNames.IEnumerable}<{Element.Spelling}>";
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("TupleListConverter")}<{Element.Spelling}>";
    public override string ConverterExpression => $"new {ConverterType}({Element.ConverterExpression})";
    public override string NameFragment => "TupleListOf" + Element.NameFragment;
}

/// <summary><c>set[T]</c> / <c>frozenset[T]</c> ↔ <c>IReadOnlySet&lt;T&gt;</c>; a frozenset annotation sends a frozenset.</summary>
internal sealed record SetType(CSharpType Element, bool Frozen) : CSharpType
{
    public override string Spelling => $"{DotNetNames.IReadOnlySet}<{Element.Spelling}>";
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("SetConverter")}<{Element.Spelling}>";
    public override string ConverterExpression => Frozen
        ? $"new {ConverterType}({Element.ConverterExpression}, frozen: true)"
        : $"new {ConverterType}({Element.ConverterExpression})";
    public override string NameFragment => (Frozen ? "FrozenSetOf" : "SetOf") + Element.NameFragment;
}

/// <summary><c>dict[K, V]</c> / <c>Mapping[K, V]</c>.</summary>
internal sealed record DictType(CSharpType Key, CSharpType Value) : CSharpType
{
    public override string Spelling => $"{DotNetNames.IReadOnlyDictionary}<{Key.Spelling}, {Value.Spelling}>";
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("DictConverter")}<{Key.Spelling}, {Value.Spelling}>";
    public override string ConverterExpression => $"new {ConverterType}({Key.ConverterExpression}, {Value.ConverterExpression})";
    public override string NameFragment => $"DictOf{Key.NameFragment}To{Value.NameFragment}";
}

/// <summary>
/// <c>tuple[A, B, …]</c> as a value tuple. More than seven items nest the rest in <c>TRest</c>, as
/// <see cref="ValueTuple{T1,T2,T3,T4,T5,T6,T7,TRest}"/> does, so the converter nests the same way.
/// </summary>
// Names: C# element names from Annotated[T, "@Name"] (null: positional), same length as Items; they change only the spelling.
internal sealed record TupleType(IReadOnlyList<CSharpType> Items, IReadOnlyList<string?>? Names = null) : CSharpType
{
    private const int MaxDirectItems = 7;

    public override string Spelling => Items.Count == 1
        ? $"{DotNetNames.ValueTuple}<{Items[0].Spelling}>"
        : "(" + string.Join(", ", Items.Select((item, i) => Names?[i] is { } name ? $"{item.Spelling} {name}" : item.Spelling)) + ")";

    public override bool IsValueType => true;

    public override string ConverterType => Items.Count <= MaxDirectItems
        ? $"{DotNetNames.Converter("TupleConverter")}<{string.Join(", ", Items.Select(i => i.Spelling))}>"
        : $"{DotNetNames.Converter("TupleConverter")}<{string.Join(", ", Items.Take(MaxDirectItems).Select(i => i.Spelling))}, {Rest.RestSpelling}>";

    public override string ConverterExpression => Items.Count <= MaxDirectItems
        ? $"new {ConverterType}({string.Join(", ", Items.Select(i => i.ConverterExpression))})"
        : $"new {ConverterType}({string.Join(", ", Items.Take(MaxDirectItems).Select(i => i.ConverterExpression))}, {Rest.ConverterExpression})";

    public override string NameFragment => "TupleOf" + string.Join("And", Items.Select(i => i.NameFragment));

    private TupleType Rest => new(Items.Skip(MaxDirectItems).ToArray());

    // As a TRest type argument a one-item tuple must be spelled ValueTuple<T>, never (T).
    private string RestSpelling => Spelling;

    public bool Equals(TupleType? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Aggregate(17, (hash, item) => hash * 31 + item.GetHashCode());
}

/// <summary><c>Optional[T]</c> / <c>T | None</c>: <c>T?</c>, with None as null.</summary>
internal sealed record OptionalType(CSharpType Inner) : CSharpType
{
    public override string Spelling => Inner.Spelling + "?";
    public override string ParameterSpelling => Inner.ParameterSpelling + "?";
    public override bool IsValueType => Inner.IsValueType;
    public override string ConverterType => Inner.IsValueType
        ? $"{DotNetNames.Converter("NullableConverter")}<{Inner.Spelling}>"
        : $"{DotNetNames.Converter("OptionalConverter")}<{Inner.Spelling}>";
    public override string ConverterExpression => $"new {ConverterType}({Inner.ConverterExpression})";
    public override string NameFragment => "Optional" + Inner.NameFragment;
}

/// <summary>
/// <c>Iterable[T]</c> / <c>Iterator[T]</c>: any <c>IEnumerable&lt;T&gt;</c> in (a list, or an iterator
/// over one), a lazy <c>IEnumerable&lt;T&gt;</c> out.
/// </summary>
internal sealed record IterableType(CSharpType Element, bool Iterator) : CSharpType
{
    public override string Spelling => $"{DotNetNames.IEnumerable}<{Element.Spelling}>";
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("IterableConverter")}<{Element.Spelling}>";
    public override string ConverterExpression => Iterator
        ? $"new {ConverterType}({Element.ConverterExpression}, iterator: true, context: null)"
        : $"new {ConverterType}({Element.ConverterExpression})";
    public override string NameFragment => (Iterator ? "IteratorOf" : "IterableOf") + Element.NameFragment;
    public override string? LazyConverterExpression(string context) =>
        $"new {ConverterType}({Element.ConverterExpression}, iterator: {(Iterator ? "true" : "false")}, context: {context})";
}

/// <summary><c>Generator[Y, S, R]</c> (returns only): <c>IGeneratorIterator&lt;Y, S, R&gt;</c>.</summary>
internal sealed record GeneratorType(CSharpType Yield, CSharpType Send, CSharpType Return) : CSharpType
{
    public override string Spelling => $"{DotNetNames.GeneratorIterator}<{Yield.Spelling}, {Send.Spelling}, {Return.Spelling}>";
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("GeneratorConverter")}<{Yield.Spelling}, {Send.Spelling}, {Return.Spelling}>";
    public override string ConverterExpression => $"new {ConverterType}({Yield.ConverterExpression}, {Send.ConverterExpression}, {Return.ConverterExpression})";
    public override string NameFragment => $"GeneratorOf{Yield.NameFragment}";
    public override string? LazyConverterExpression(string context) =>
        $"new {ConverterType}({Yield.ConverterExpression}, {Send.ConverterExpression}, {Return.ConverterExpression}, {context})";
}
