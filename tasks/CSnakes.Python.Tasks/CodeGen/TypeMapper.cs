using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Maps resolved Python annotations to C# types (SPEC §5, core rows). Anything it does not know
/// becomes <c>PyObject</c> with a problem text, which the caller reports as CSPY3001.
/// </summary>
internal static class TypeMapper
{
    /// <summary>Maps a parameter annotation; a missing annotation is PyObject, silently.</summary>
    public static TypeMapping MapParameter(PythonAnnotation? annotation) =>
        annotation is null ? TypeMapping.Of(ScalarType.Object) : MapTop(annotation.Type, allowVoid: false);

    /// <summary>Maps a return annotation; <c>None</c> is void, a missing annotation is PyObject.</summary>
    public static TypeMapping MapReturn(PythonAnnotation? annotation) =>
        annotation is null ? TypeMapping.Of(ScalarType.Object) : MapTop(annotation.Type, allowVoid: true);

    private static TypeMapping MapTop(AnnotationNode node, bool allowVoid)
    {
        if (node.Kind == "none")
        {
            return allowVoid ? TypeMapping.Void : TypeMapping.Unsupported("None is only meaningful as a return type or inside Optional");
        }
        try
        {
            return TypeMapping.Of(Map(node));
        }
        catch (UnsupportedAnnotationException e)
        {
            return TypeMapping.Unsupported(e.Message);
        }
    }

    private static CSharpType Map(AnnotationNode node)
    {
        switch (node.Kind)
        {
            case "name":
                return MapNamed(Canonical(node.Name!), node);
            case "union":
                return MapUnion(node.Arguments);
            case "none":
                throw new UnsupportedAnnotationException("None can only stand alone as a return type or inside Optional/| None");
            default:
                throw new UnsupportedAnnotationException($"'{node.Text ?? node.Kind}' is not a type the generator understands");
        }
    }

    private static CSharpType MapNamed(string name, AnnotationNode node)
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
            case "list":
            case "typing.List":
            case "typing.Sequence":
            case "collections.abc.Sequence":
                RequireArguments(name, args, 1);
                return new ListType(Map(args[0]));
            case "dict":
            case "typing.Dict":
            case "typing.Mapping":
            case "collections.abc.Mapping":
                RequireArguments(name, args, 2);
                return new DictType(Map(args[0]), Map(args[1]));
            case "tuple":
            case "typing.Tuple":
                return MapTuple(name, args);
            case "typing.Optional":
                RequireArguments(name, args, 1);
                return MapUnion([args[0], new AnnotationNode("none", null, null, null)]);
            case "typing.Union":
                if (args.Count == 0)
                {
                    throw new UnsupportedAnnotationException("Union needs member types");
                }
                return MapUnion(args);
            default:
                throw new UnsupportedAnnotationException($"'{name}' is not a type the generator maps yet");
        }
    }

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

    private static CSharpType MapTuple(string name, IReadOnlyList<AnnotationNode> args)
    {
        if (args.Count == 0)
        {
            throw new UnsupportedAnnotationException($"'{name}' needs its item types (e.g. tuple[int, str])");
        }
        if (args.Any(a => a.Kind == "ellipsis"))
        {
            throw new UnsupportedAnnotationException("variable-length tuples (tuple[T, ...]) are not mapped yet");
        }
        return new TupleType(args.Select(Map).ToArray());
    }

    private static CSharpType MapUnion(IReadOnlyList<AnnotationNode> members)
    {
        var flat = new List<AnnotationNode>();
        Flatten(members, flat);
        var hasNone = flat.Any(m => m.Kind == "none");
        var others = flat.Where(m => m.Kind != "none").ToList();
        // Optional[Optional[int]] and int | int are still one type.
        var distinct = others.Distinct(AnnotationNodeComparer.Instance).ToList();
        if (distinct.Count != 1)
        {
            throw new UnsupportedAnnotationException(distinct.Count == 0
                ? "a union of only None has no value to map"
                : "a Union of several types other than None is not mapped yet");
        }

        var inner = Map(distinct[0]);
        if (!hasNone || inner == ScalarType.Object)
        {
            // PyObject already holds None.
            return inner;
        }
        return inner is OptionalType ? inner : new OptionalType(inner);
    }

    private static void Flatten(IReadOnlyList<AnnotationNode> members, List<AnnotationNode> into)
    {
        foreach (var member in members)
        {
            if (member.Kind == "union")
            {
                Flatten(member.Arguments, into);
            }
            else if (member.Kind == "name" && member.Name is not null && Canonical(member.Name) is "typing.Union" or "typing.Optional" && member.Arguments.Count > 0)
            {
                Flatten(member.Arguments, into);
                if (Canonical(member.Name) == "typing.Optional")
                {
                    into.Add(new AnnotationNode("none", null, null, null));
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

        public int GetHashCode(AnnotationNode node) => HashCode.Combine(node.Kind, node.Name is null ? null : Canonical(node.Name), node.Arguments.Count);
    }
}
