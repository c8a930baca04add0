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
        annotation is null ? TypeMapping.Of(ScalarType.Object) : MapTop(annotation.Type, MappingPosition.Parameter, moduleTypes, literalName);

    /// <summary>Maps a return annotation; <c>None</c> is void, a missing annotation is PyObject. See <see cref="MapParameter"/>.</summary>
    public static TypeMapping MapReturn(PythonAnnotation? annotation, ModuleTypeDeclarations? moduleTypes = null, string literalName = "Literal") =>
        annotation is null ? TypeMapping.Of(ScalarType.Object) : MapTop(annotation.Type, MappingPosition.Return, moduleTypes, literalName);

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
            ? node.Arguments.Count > 0 ? node.Arguments[0] : AnyNode
            : null;

    /// <summary>
    /// The alternatives of a top-level union of two or more types (<c>int | str | None</c> gives
    /// <c>int | None</c> and <c>str | None</c>), or null when <paramref name="annotation"/> is not one.
    /// The planner makes one overload per alternative.
    /// </summary>
    public static IReadOnlyList<AnnotationNode>? UnionAlternatives(PythonAnnotation? annotation)
    {
        if (annotation is null || !UnionMembers.IsUnion(annotation.Type))
        {
            return null;
        }
        var (distinct, hasNone) = UnionMembers.Of([annotation.Type]);
        if (distinct.Count < 2)
        {
            return null;
        }
        return distinct
            .Select(m => hasNone ? new AnnotationNode(AnnotationKind.Union, null, [m, new AnnotationNode(AnnotationKind.None, null, null, null)], null) : m)
            .ToList();
    }

    private static TypeMapping MapTop(AnnotationNode node, MappingPosition position, ModuleTypeDeclarations? moduleTypes, string literalName)
    {
        if (position == MappingPosition.Return && UnionAlternatives(new PythonAnnotation("", 0, 0, node)) is not null)
        {
            // A union return is a PyObject (docs/type-mapping.md); the caller inspects it with the dynamic API.
            return TypeMapping.Of(ScalarType.Object);
        }
        if (node.Kind == AnnotationKind.None)
        {
            return position == MappingPosition.Return ? TypeMapping.Void : TypeMapping.Unsupported("None is only meaningful as a return type or inside Optional");
        }
        try
        {
            var mapper = new AnnotationMapper(position, moduleTypes, literalName);
            var type = mapper.Map(node);
            return mapper.Erased.Count == 0 ? TypeMapping.Of(type) : new TypeMapping(type, string.Join("; ", mapper.Erased.Distinct()));
        }
        catch (UnsupportedAnnotationException e)
        {
            return TypeMapping.Unsupported(e.Message);
        }
    }

    /// <summary>
    /// typeshed's private helper aliases whose meaning is fixed (<c>_typeshed/__init__.pyi</c>): they turn up in every stub
    /// copied from typeshed and in every stub mypy's stubgen writes (<c>from _typeshed import Incomplete</c>).
    /// </summary>
    private static readonly Dictionary<string, string> s_typeshedAliases = new(StringComparer.Ordinal)
    {
        ["_typeshed.Incomplete"] = "typing.Any",
        ["_typeshed.MaybeNone"] = "typing.Any",
        ["_typeshed.ReadableBuffer"] = "collections.abc.Buffer",
        ["_typeshed.ReadOnlyBuffer"] = "collections.abc.Buffer",
        ["_typeshed.WriteableBuffer"] = "collections.abc.Buffer",
        // A protocol of __len__ and __getitem__, which newer typeshed uses where older versions say Sequence (bisect):
        // what a list or tuple satisfies, so it maps as Sequence[T] does.
        ["_typeshed.SupportsLenAndGetItem"] = "typing.Sequence",
    };

    /// <summary>typing_extensions.X is typing.X, builtins.X is X, and typeshed's fixed helper aliases are what they alias.</summary>
    internal static string Canonical(string name)
    {
        if (s_typeshedAliases.TryGetValue(name, out var aliased))
        {
            return aliased;
        }
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
}
