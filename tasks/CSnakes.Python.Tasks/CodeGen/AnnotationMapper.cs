using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Whether an annotation is read for a parameter (a value C# sends) or a return (a value C# receives).</summary>
internal enum MappingPosition
{
    Parameter,
    Return,
}

/// <summary>An annotation the generator cannot map; the message says why and becomes the CSPY3001 warning's text.</summary>
internal sealed class UnsupportedAnnotationException(string message) : Exception(message);

/// <summary>
/// One mapping pass over an annotation tree, for a parameter or a return (<see cref="MappingPosition"/> decides the
/// few rows that differ). A row it does not know throws <see cref="UnsupportedAnnotationException"/>, whose message
/// <see cref="TypeMapper"/> reports.
/// </summary>
internal sealed class AnnotationMapper(MappingPosition position, ModuleTypeDeclarations? moduleTypes, string literalName)
{
    private readonly MappingPosition _position = position;
    private readonly ModuleTypeDeclarations? _moduleTypes = moduleTypes;
    private readonly string _literalName = literalName;
    private List<string> _erased = [];

    /// <summary>
    /// What the pass mapped to <c>PyObject</c> inside a type it otherwise mapped (a union of several types in
    /// <c>list[int | str]</c>, which C# cannot spell): the mapping stands, with these as its warning.
    /// </summary>
    public IReadOnlyList<string> Erased => _erased;

    public CSharpType Map(AnnotationNode node)
    {
        switch (node.Kind)
        {
            case AnnotationKind.Name:
                return MapNamed(TypeMapper.Canonical(node.Name!), node);
            case AnnotationKind.Union:
                return MapUnion(node.Arguments);
            case AnnotationKind.None:
                throw new UnsupportedAnnotationException("None can only stand alone as a return type or inside Optional/| None");
            default:
                throw new UnsupportedAnnotationException($"'{node.Text ?? node.Kind.ToString().ToLowerInvariant()}' is not a type the generator understands");
        }
    }

    /// <summary>The annotations that name one scalar C# type (docs/type-mapping.md).</summary>
    private static readonly Dictionary<string, ScalarType> s_scalars = new(StringComparer.Ordinal)
    {
        ["int"] = ScalarType.Int,
        ["float"] = ScalarType.Float,
        ["str"] = ScalarType.Str,
        ["bytes"] = ScalarType.Bytes,
        ["bool"] = ScalarType.Bool,
        ["typing.Any"] = ScalarType.Object,
        ["object"] = ScalarType.Object,
        ["datetime.datetime"] = ScalarType.DateTime,
        ["datetime.date"] = ScalarType.Date,
        ["datetime.time"] = ScalarType.Time,
        ["datetime.timedelta"] = ScalarType.TimeDelta,
        ["decimal.Decimal"] = ScalarType.Decimal,
        ["uuid.UUID"] = ScalarType.Uuid,
    };

    private CSharpType MapNamed(string name, AnnotationNode node)
    {
        var args = node.Arguments;
        if (s_scalars.TryGetValue(name, out var scalar))
        {
            return Scalar(scalar, name, args);
        }
        switch (name)
        {
            case "collections.abc.Buffer":
            case "typing.Buffer":
                // .NET cannot make a Python buffer; an argument takes any Python object.
                return Scalar(_position == MappingPosition.Return ? ScalarType.Buffer : ScalarType.Object, name, args);
            case "type":
            case "typing.Type":
                // A class object (type, type[X]): no C# type says more than PyObject, which calls it, reads its
                // attributes and passes it back.
                return ScalarType.Object;
            case "typing.Annotated":
                return MapAnnotated(args);
            case "typing.Callable":
            case "collections.abc.Callable":
                return MapCallable(args);
            case "typing.Iterable":
            case "collections.abc.Iterable":
                return new IterableType(ItemType(name, args), Iterator: false);
            case "typing.Iterator":
            case "collections.abc.Iterator":
                return new IterableType(ItemType(name, args), Iterator: true);
            case "typing.Generator":
            case "collections.abc.Generator":
                return MapGenerator(name, args);
            case "list":
            case "typing.List":
                return new ListType(ItemType(name, args));
            case "typing.Sequence":
            case "typing.MutableSequence":
            case "collections.abc.Sequence":
            case "collections.abc.MutableSequence":
                // What Python calls a sequence (range, tuple, a registered user class), not only list.
                return new ListType(ItemType(name, args), AnySequence: true);
            case "typing.Collection":
            case "collections.abc.Collection":
            case "typing.KeysView":
            case "typing.ValuesView":
            case "collections.abc.KeysView":
            case "collections.abc.ValuesView":
                // Any iterable collection (a set, dict.keys()/.values()): read once into a list.
                return new ListType(ItemType(name, args), AnyCollection: true);
            case "typing.ItemsView":
            case "collections.abc.ItemsView":
                if (args.Count != 2)
                {
                    throw new UnsupportedAnnotationException($"'{name}' takes a key and a value type (ItemsView[K, V])");
                }
                return new ListType(new TupleType([Map(args[0]), Map(args[1])], TupleElementNames.Of([null, null])), AnyCollection: true);
            case "set":
            case "typing.Set":
            case "typing.AbstractSet":
            case "typing.MutableSet":
            case "collections.abc.Set":
            case "collections.abc.MutableSet":
                return new SetType(ItemType(name, args), Frozen: false);
            case "frozenset":
            case "typing.FrozenSet":
                return new SetType(ItemType(name, args), Frozen: true);
            case "dict":
            case "typing.Dict":
            case "typing.Mapping":
            case "typing.MutableMapping":
            case "collections.abc.Mapping":
            case "collections.abc.MutableMapping":
                if (args.Count == 0)
                {
                    // A bare dict holds anything.
                    return new DictType(ScalarType.Object, ScalarType.Object);
                }
                RequireArguments(name, args, 2);
                var key = Map(args[0]);
                if (key is OptionalType)
                {
                    // A .NET dictionary has no null key (its key type is notnull): dict[str | None, V] has no C# form.
                    throw new UnsupportedAnnotationException("a dict whose keys may be None has no C# dictionary type");
                }
                return new DictType(key, Map(args[1]));
            case "tuple":
            case "typing.Tuple":
                return MapTuple(name, args);
            case "typing.Optional":
                RequireArguments(name, args, 1);
                return MapUnion([args[0], new AnnotationNode(AnnotationKind.None, null, null, null)]);
            case "typing.Union":
                if (args.Count == 0)
                {
                    throw new UnsupportedAnnotationException("Union needs member types");
                }
                return MapUnion(args);
            case "typing.Literal":
                return MapLiteral(args);
            default:
                string? skipped = null;
                if (_moduleTypes?.FindEnum(name, out skipped) is { } enumType)
                {
                    if (args.Count != 0)
                    {
                        throw new UnsupportedAnnotationException($"the enum '{name}' takes no type arguments");
                    }
                    return enumType;
                }
                // A generic class's type arguments (Box[int]) are erased, as they are when Python runs: the C# type is
                // the record or wrapper of the class, whose members typed by the class's TypeVars are PyObject.
                if (_moduleTypes?.GetOrDeclareRecord(name) is { } recordType)
                {
                    return recordType;
                }
                if (_moduleTypes?.FindWrappedClass(name) is { } classType)
                {
                    return classType;
                }
                if (skipped is not null)
                {
                    throw new UnsupportedAnnotationException($"the enum '{name}' gets no C# enum because {skipped}");
                }
                // A class, record or enum of another module of the run (imported, re-exported, or owned by a shorter module).
                if (_moduleTypes?.FindDeclaredElsewhere(name) is { } declared)
                {
                    if (declared is EnumType && args.Count != 0)
                    {
                        throw new UnsupportedAnnotationException($"the enum '{name}' takes no type arguments");
                    }
                    return declared;
                }
                throw new UnsupportedAnnotationException($"'{name}' is not a type the generator maps yet");
        }
    }

    private CSharpType MapLiteral(IReadOnlyList<AnnotationNode> args)
    {
        if (_moduleTypes is null)
        {
            throw new UnsupportedAnnotationException("'Literal' is not a type the generator maps yet");
        }
        return _moduleTypes.GetOrDeclareLiteralEnum(args, _literalName, out var problem) ?? throw new UnsupportedAnnotationException(problem!);
    }

    /// <summary>
    /// <c>Callable[[A, B], R]</c> passed from C#: <c>Func&lt;A, B, R&gt;</c> (<c>Action&lt;A, B&gt;</c> for a
    /// <c>None</c> result). The delegate's arguments come from Python, so they map as returns do; its
    /// result goes to Python, so it maps as an argument does. A returned callable stays PyObject.
    /// </summary>
    private CSharpType MapCallable(IReadOnlyList<AnnotationNode> args)
    {
        if (_position == MappingPosition.Return)
        {
            throw new UnsupportedAnnotationException("a callable returned to C# is not mapped to a delegate; call the PyObject with PyObject.Call");
        }
        if (args.Count == 2 && args[0].Kind == AnnotationKind.Ellipsis)
        {
            throw new UnsupportedAnnotationException("'Callable[..., R]' accepts any arguments, which a C# delegate cannot type; list the argument types (e.g. Callable[[int], str])");
        }
        if (args.Count != 2 || args[0].Kind != AnnotationKind.List)
        {
            throw new UnsupportedAnnotationException("'Callable' needs its argument types and result (e.g. Callable[[int, str], bool])");
        }
        if (args[0].Arguments.Count > CallableType.MaxParameters)
        {
            throw new UnsupportedAnnotationException($"a Callable of more than {CallableType.MaxParameters} arguments is not mapped to a delegate");
        }
        var fromPython = new AnnotationMapper(MappingPosition.Return, _moduleTypes, _literalName) { _erased = _erased };
        var parameters = args[0].Arguments.Select(fromPython.Map).ToArray();
        return new CallableType(parameters, args[1].Kind == AnnotationKind.None ? null : Map(args[1]));
    }

    /// <summary><c>Generator[Y, S, R]</c>; a <c>None</c> send or return type is PyObject (it receives/holds None).</summary>
    private CSharpType MapGenerator(string name, IReadOnlyList<AnnotationNode> args)
    {
        if (_position == MappingPosition.Parameter)
        {
            throw new UnsupportedAnnotationException("a generator can only be returned to C#; take an Iterable[T] (IEnumerable<T>) instead");
        }
        if (args.Count == 1)
        {
            // Python 3.13 lets the send and return types default to None.
            return new GeneratorType(Map(args[0]), ScalarType.Object, ScalarType.Object);
        }
        RequireArguments(name, args, 3);
        return new GeneratorType(Map(args[0]), NoneAsObject(args[1]), NoneAsObject(args[2]));
    }

    private CSharpType NoneAsObject(AnnotationNode node) => node.Kind == AnnotationKind.None ? ScalarType.Object : Map(node);

    /// <summary>The one item type of a collection; a bare collection (<c>list</c>) holds PyObject.</summary>
    private CSharpType ItemType(string name, IReadOnlyList<AnnotationNode> args)
    {
        if (args.Count == 0)
        {
            return ScalarType.Object;
        }
        RequireArguments(name, args, 1);
        return Map(args[0]);
    }

    /// <summary>
    /// <c>Annotated[T, ...]</c> maps as T, except that the string metadata <c>"BigInteger"</c> on
    /// <c>int</c> and <c>"DateTimeOffset"</c> on <c>datetime</c> choose those C# types.
    /// </summary>
    private CSharpType MapAnnotated(IReadOnlyList<AnnotationNode> args)
    {
        if (args.Count < 2)
        {
            throw new UnsupportedAnnotationException("'Annotated' needs a type and at least one metadata value (e.g. Annotated[int, \"BigInteger\"])");
        }
        var inner = Map(args[0]);
        var choices = args.Skip(1).Select(MetadataString).Where(m => m is "BigInteger" or "DateTimeOffset").Distinct().ToList();
        if (choices.Count == 0)
        {
            return inner;
        }
        if (choices.Count > 1)
        {
            throw new UnsupportedAnnotationException("'Annotated' asks for both BigInteger and DateTimeOffset; give one");
        }
        return (choices[0], inner) switch
        {
            ("BigInteger", var t) when t == ScalarType.Int => ScalarType.BigInteger,
            ("DateTimeOffset", var t) when t == ScalarType.DateTime => ScalarType.DateTimeOffset,
            ("BigInteger", _) => throw new UnsupportedAnnotationException("the \"BigInteger\" marker applies only to int (Annotated[int, \"BigInteger\"])"),
            _ => throw new UnsupportedAnnotationException("the \"DateTimeOffset\" marker applies only to datetime (Annotated[datetime, \"DateTimeOffset\"])"),
        };
    }

    /// <summary>The <c>X</c> of <c>Annotated[int, "@X"]</c> as a tuple item: its first <c>"@identifier"</c> metadata.</summary>
    private static string? ElementName(AnnotationNode item) =>
        item is { Kind: AnnotationKind.Name, Name: { } name } && TypeMapper.Canonical(name) == "typing.Annotated"
            ? item.Arguments.Skip(1).Select(MetadataString).FirstOrDefault(m => m is { Length: > 1 } && m[0] == '@' && TupleElementNames.IsIdentifier(m[1..]))?[1..]
            : null;

    /// <summary>A string metadata value: reported as a quoted 'other', or parsed as a forward-reference name.</summary>
    private static string? MetadataString(AnnotationNode node) => node switch
    {
        { Kind: AnnotationKind.Other, Text: { Length: >= 2 } text } when (text[0] is '\'' or '"') && text[^1] == text[0] => text[1..^1],
        { Kind: AnnotationKind.Name, Name: { } name, Arguments.Count: 0 } => name,
        _ => null,
    };

    private static CSharpType Scalar(ScalarType type, string name, IReadOnlyList<AnnotationNode> args)
    {
        if (args.Count != 0)
        {
            throw new UnsupportedAnnotationException($"'{name}' takes no type arguments");
        }
        return type;
    }

    private static void RequireArguments(string name, IReadOnlyList<AnnotationNode> args, int count)
    {
        if (args.Count != count)
        {
            var expected = count == 1 ? "one type argument" : $"{count} type arguments";
            throw new UnsupportedAnnotationException($"'{name}' needs {expected} (e.g. {Example(name)})");
        }
    }

    private static string Example(string name) => name switch
    {
        "dict" or "typing.Dict" or "typing.Mapping" or "collections.abc.Mapping" => $"{ShortName(name)}[str, int]",
        _ => $"{ShortName(name)}[int]",
    };

    private static string ShortName(string name) => name[(name.LastIndexOf('.') + 1)..];

    private CSharpType MapTuple(string name, IReadOnlyList<AnnotationNode> args)
    {
        if (args.Count == 0)
        {
            // A bare tuple holds any number of anything.
            return new TupleListType(ScalarType.Object);
        }
        if (args.Count == 2 && args[1].Kind == AnnotationKind.Ellipsis && args[0].Kind != AnnotationKind.Ellipsis)
        {
            return new TupleListType(Map(args[0]));
        }
        if (args.Any(a => a.Kind == AnnotationKind.Ellipsis))
        {
            throw new UnsupportedAnnotationException("'...' may only follow a single item type (tuple[T, ...])");
        }
        return new TupleType(args.Select(Map).ToArray(), TupleElementNames.Of(args.Select(ElementName).ToList()));
    }

    public CSharpType MapUnion(IReadOnlyList<AnnotationNode> members)
    {
        var (distinct, hasNone) = UnionMembers.Of(members);
        if (distinct.Count == 0)
        {
            throw new UnsupportedAnnotationException("a union of only None has no value to map");
        }
        if (distinct.Count > 1)
        {
            // Only the union is lost: list[int | str] is still a list, of PyObject.
            _erased.Add("a union of several types other than None is PyObject (inspect the value with the dynamic API)");
            return hasNone ? new OptionalType(ScalarType.Object) : ScalarType.Object;
        }

        var inner = Map(distinct[0]);
        if (!hasNone)
        {
            return inner;
        }
        // Optional[Any] is PyObject? too: None arrives as null, as for every other Optional.
        return inner is OptionalType ? inner : new OptionalType(inner);
    }
}
