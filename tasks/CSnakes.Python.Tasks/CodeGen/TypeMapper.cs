using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Maps resolved Python annotations to C# types (the table in docs/type-mapping.md). Anything it does not know becomes
/// <c>PyObject</c> with a problem text, which the caller reports as CSPY3001. Parameters and returns
/// differ only where .NET cannot make the value (a buffer argument is a <c>PyObject</c>).
/// </summary>
internal static class TypeMapper
{
    /// <summary>
    /// Maps a parameter annotation; a missing annotation is PyObject, silently. <paramref name="moduleTypes"/>
    /// resolves the module's enums, records and classes and declares <c>Literal</c> enums, a new one named <paramref name="literalName"/>;
    /// without it all of those are unsupported.
    /// </summary>
    public static TypeMapping MapParameter(PythonAnnotation? annotation, ModuleTypeDeclarations? moduleTypes = null, string literalName = "Literal") =>
        annotation is null ? TypeMapping.Of(ScalarType.Object) : MapTop(annotation.Type, allowVoid: false, Position.Parameter, moduleTypes, literalName);

    /// <summary>Maps a return annotation; <c>None</c> is void, a missing annotation is PyObject. See <see cref="MapParameter"/>.</summary>
    public static TypeMapping MapReturn(PythonAnnotation? annotation, ModuleTypeDeclarations? moduleTypes = null, string literalName = "Literal") =>
        annotation is null ? TypeMapping.Of(ScalarType.Object) : MapTop(annotation.Type, allowVoid: true, Position.Return, moduleTypes, literalName);

    /// <summary>
    /// The <c>T</c> a returned awaitable gives: <c>Coroutine[Any, Any, T]</c>, <c>Awaitable[T]</c> (<c>typing</c> or
    /// <c>collections.abc</c>), <c>asyncio.Future[T]</c>, <c>asyncio.Task[T]</c>; <c>Any</c> when unparameterised;
    /// null when <paramref name="annotation"/> is none of them. The runtime awaits any awaitable on its event loop.
    /// </summary>
    public static AnnotationNode? CoroutineResult(PythonAnnotation? annotation)
    {
        if (annotation?.Type is not { Kind: AnnotationKind.Name, Name: { } name } node)
        {
            return null;
        }
        var arguments = node.Arguments ?? [];
        return Canonical(name) switch
        {
            "typing.Coroutine" or "collections.abc.Coroutine" => arguments.Count == 3 ? arguments[2] : arguments.Count == 0 ? AnyNode : null,
            "typing.Awaitable" or "collections.abc.Awaitable"
                or "asyncio.Future" or "asyncio.futures.Future" or "asyncio.Task" or "asyncio.tasks.Task" => arguments.Count == 1 ? arguments[0] : arguments.Count == 0 ? AnyNode : null,
            _ => null,
        };
    }

    private static readonly AnnotationNode AnyNode = new(AnnotationKind.Name, "typing.Any", null, "Any");

    /// <summary>
    /// The item type <c>T</c> of an async-iteration return annotation (<c>AsyncIterator[T]</c>,
    /// <c>AsyncGenerator[T, S]</c>, <c>AsyncIterable[T]</c>; <c>typing</c> or <c>collections.abc</c>),
    /// <c>Any</c> when it has no arguments, or null when <paramref name="annotation"/> is not one.
    /// </summary>
    public static AnnotationNode? AsyncIterationItem(PythonAnnotation? annotation) =>
        annotation?.Type is { Kind: AnnotationKind.Name, Name: { } name } node
            && Canonical(name) is "typing.AsyncIterator" or "collections.abc.AsyncIterator"
                or "typing.AsyncGenerator" or "collections.abc.AsyncGenerator"
                or "typing.AsyncIterable" or "collections.abc.AsyncIterable"
            ? node.Arguments.Count > 0 ? node.Arguments[0] : new AnnotationNode(AnnotationKind.Name, "typing.Any", null, "Any")
            : null;

    private enum Position
    {
        Parameter,
        Return,
    }

    /// <summary>
    /// The alternatives of a top-level union of two or more types (<c>int | str | None</c> gives
    /// <c>int | None</c> and <c>str | None</c>), or null when <paramref name="annotation"/> is not one.
    /// The planner makes one overload per alternative.
    /// </summary>
    public static IReadOnlyList<AnnotationNode>? UnionAlternatives(PythonAnnotation? annotation)
    {
        if (annotation is null || !IsUnion(annotation.Type))
        {
            return null;
        }
        var flat = new List<AnnotationNode>();
        Flatten([annotation.Type], flat);
        var hasNone = flat.Any(m => m.Kind == AnnotationKind.None);
        var distinct = flat.Where(m => m.Kind != AnnotationKind.None).Distinct(AnnotationNodeComparer.Instance).ToList();
        if (distinct.Count < 2)
        {
            return null;
        }
        return distinct
            .Select(m => hasNone ? new AnnotationNode(AnnotationKind.Union, null, [m, new AnnotationNode(AnnotationKind.None, null, null, null)], null) : m)
            .ToList();
    }

    private static bool IsUnion(AnnotationNode node) =>
        node.Kind == AnnotationKind.Union
        || (node.Kind == AnnotationKind.Name && node.Name is not null && Canonical(node.Name) is "typing.Union" or "typing.Optional" && node.Arguments.Count > 0);

    private static TypeMapping MapTop(AnnotationNode node, bool allowVoid, Position position, ModuleTypeDeclarations? moduleTypes, string literalName)
    {
        if (position == Position.Return && UnionAlternatives(new PythonAnnotation("", 0, 0, node)) is not null)
        {
            // A union return is a PyObject (docs/type-mapping.md); the caller inspects it with the dynamic API.
            return TypeMapping.Of(ScalarType.Object);
        }
        if (node.Kind == AnnotationKind.None)
        {
            return allowVoid ? TypeMapping.Void : TypeMapping.Unsupported("None is only meaningful as a return type or inside Optional");
        }
        try
        {
            return TypeMapping.Of(new Mapper(position, moduleTypes, literalName).Map(node));
        }
        catch (UnsupportedAnnotationException e)
        {
            return TypeMapping.Unsupported(e.Message);
        }
    }

    /// <summary>One mapping pass; <see cref="_position"/> decides the few rows that differ for arguments.</summary>
    private sealed class Mapper(Position position, ModuleTypeDeclarations? moduleTypes, string literalName)
    {
        private readonly Position _position = position;
        private readonly ModuleTypeDeclarations? _moduleTypes = moduleTypes;
        private readonly string _literalName = literalName;

        public CSharpType Map(AnnotationNode node)
        {
            switch (node.Kind)
            {
                case AnnotationKind.Name:
                    return MapNamed(Canonical(node.Name!), node);
                case AnnotationKind.Union:
                    return MapUnion(node.Arguments);
                case AnnotationKind.None:
                    throw new UnsupportedAnnotationException("None can only stand alone as a return type or inside Optional/| None");
                default:
                    throw new UnsupportedAnnotationException($"'{node.Text ?? node.Kind.ToString().ToLowerInvariant()}' is not a type the generator understands");
            }
        }

        private CSharpType MapNamed(string name, AnnotationNode node)
        {
            var args = node.Arguments;
            switch (name)
            {
                case "int":
                    return Scalar(ScalarType.Int, name, args);
                case "float":
                    return Scalar(ScalarType.Float, name, args);
                case "str":
                    return Scalar(ScalarType.Str, name, args);
                case "bytes":
                    return Scalar(ScalarType.Bytes, name, args);
                case "bool":
                    return Scalar(ScalarType.Bool, name, args);
                case "typing.Any":
                case "object":
                    return Scalar(ScalarType.Object, name, args);
                case "datetime.datetime":
                    return Scalar(ScalarType.DateTime, name, args);
                case "datetime.date":
                    return Scalar(ScalarType.Date, name, args);
                case "datetime.time":
                    return Scalar(ScalarType.Time, name, args);
                case "datetime.timedelta":
                    return Scalar(ScalarType.TimeDelta, name, args);
                case "decimal.Decimal":
                    return Scalar(ScalarType.Decimal, name, args);
                case "uuid.UUID":
                    return Scalar(ScalarType.Uuid, name, args);
                case "collections.abc.Buffer":
                case "typing.Buffer":
                    // .NET cannot make a Python buffer; an argument takes any Python object.
                    return Scalar(_position == Position.Return ? ScalarType.Buffer : ScalarType.Object, name, args);
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
                    return new DictType(Map(args[0]), Map(args[1]));
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
                    if (_moduleTypes?.GetOrDeclareRecord(name) is { } recordType)
                    {
                        if (args.Count != 0)
                        {
                            throw new UnsupportedAnnotationException($"the record class '{name}' takes no type arguments");
                        }
                        return recordType;
                    }
                    if (_moduleTypes?.FindWrappedClass(name) is { } classType)
                    {
                        if (args.Count != 0)
                        {
                            throw new UnsupportedAnnotationException($"the class '{name}' takes no type arguments");
                        }
                        return classType;
                    }
                    if (skipped is not null)
                    {
                        throw new UnsupportedAnnotationException($"the enum '{name}' gets no C# enum because {skipped}");
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
            if (_position == Position.Return)
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
            var fromPython = new Mapper(Position.Return, _moduleTypes, _literalName);
            var parameters = args[0].Arguments.Select(fromPython.Map).ToArray();
            return new CallableType(parameters, args[1].Kind == AnnotationKind.None ? null : Map(args[1]));
        }

        /// <summary><c>Generator[Y, S, R]</c>; a <c>None</c> send or return type is PyObject (it receives/holds None).</summary>
        private CSharpType MapGenerator(string name, IReadOnlyList<AnnotationNode> args)
        {
            if (_position == Position.Parameter)
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
            item is { Kind: AnnotationKind.Name, Name: { } name } && Canonical(name) == "typing.Annotated"
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
            var flat = new List<AnnotationNode>();
            Flatten(members, flat);
            var hasNone = flat.Any(m => m.Kind == AnnotationKind.None);
            var others = flat.Where(m => m.Kind != AnnotationKind.None).ToList();
            // Optional[Optional[int]] and int | int are still one type.
            var distinct = others.Distinct(AnnotationNodeComparer.Instance).ToList();
            if (distinct.Count != 1)
            {
                throw new UnsupportedAnnotationException(distinct.Count == 0
                    ? "a union of only None has no value to map"
                    : "a Union of several types other than None is not mapped yet");
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

    private static void Flatten(IReadOnlyList<AnnotationNode> members, List<AnnotationNode> into)
    {
        foreach (var member in members)
        {
            if (member.Kind == AnnotationKind.Union)
            {
                Flatten(member.Arguments, into);
            }
            else if (member.Kind == AnnotationKind.Name && member.Name is not null && Canonical(member.Name) is "typing.Union" or "typing.Optional" && member.Arguments.Count > 0)
            {
                Flatten(member.Arguments, into);
                if (Canonical(member.Name) == "typing.Optional")
                {
                    into.Add(new AnnotationNode(AnnotationKind.None, null, null, null));
                }
            }
            else
            {
                into.Add(member);
            }
        }
    }

    /// <summary>typing_extensions.X is typing.X, builtins.X is X.</summary>
    internal static string Canonical(string name)
    {
        if (name.StartsWith("typing_extensions.", StringComparison.Ordinal))
        {
            return "typing." + name["typing_extensions.".Length..];
        }
        if (name.StartsWith("builtins.", StringComparison.Ordinal))
        {
            return name["builtins.".Length..];
        }
        return name;
    }

    private sealed class UnsupportedAnnotationException(string message) : Exception(message);

    private sealed class AnnotationNodeComparer : IEqualityComparer<AnnotationNode>
    {
        public static readonly AnnotationNodeComparer Instance = new();

        public bool Equals(AnnotationNode? x, AnnotationNode? y) =>
            x is not null && y is not null
            && x.Kind == y.Kind
            && (x.Name is null ? y.Name is null : y.Name is not null && Canonical(x.Name) == Canonical(y.Name))
            && x.Text == y.Text
            && x.Arguments.Count == y.Arguments.Count
            && x.Arguments.Zip(y.Arguments).All(pair => Equals(pair.First, pair.Second));

        public int GetHashCode(AnnotationNode node) => (node.Kind, node.Name is null ? null : Canonical(node.Name), node.Arguments.Count).GetHashCode();
    }
}
