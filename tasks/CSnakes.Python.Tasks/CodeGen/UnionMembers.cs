using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// The members of a union however it is spelled (<c>A | B</c>, <c>Union[A, B]</c>, <c>Optional[A]</c>, nested):
/// its distinct types other than <c>None</c>, and whether <c>None</c> is one of them.
/// </summary>
internal static class UnionMembers
{
    /// <summary>Whether <paramref name="node"/> is a union (<c>A | B</c> or a parameterised <c>Union</c>/<c>Optional</c>).</summary>
    public static bool IsUnion(AnnotationNode node) => node.Kind == AnnotationKind.Union || IsUnionName(node);

    /// <summary>
    /// The distinct non-None members of <paramref name="members"/> read as one flat union, in order, and whether
    /// None was among them. <c>Optional[Optional[int]]</c> and <c>int | int</c> have one member.
    /// </summary>
    public static (IReadOnlyList<AnnotationNode> Types, bool HasNone) Of(IReadOnlyList<AnnotationNode> members)
    {
        var flat = new List<AnnotationNode>();
        Flatten(members, flat);
        var types = flat.Where(m => m.Kind != AnnotationKind.None).Distinct(SameType.Instance).ToList();
        return (types, flat.Any(m => m.Kind == AnnotationKind.None));
    }

    private static bool IsUnionName(AnnotationNode node) =>
        node.Kind == AnnotationKind.Name && node.Name is not null
        && TypeMapper.Canonical(node.Name) is "typing.Union" or "typing.Optional" && node.Arguments.Count > 0;

    private static void Flatten(IReadOnlyList<AnnotationNode> members, List<AnnotationNode> into)
    {
        foreach (var member in members)
        {
            if (member.Kind == AnnotationKind.Union)
            {
                Flatten(member.Arguments, into);
            }
            else if (IsUnionName(member))
            {
                Flatten(member.Arguments, into);
                if (TypeMapper.Canonical(member.Name!) == "typing.Optional")
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

    /// <summary>Two annotations name the same type when they match but for <c>typing_extensions</c>/<c>builtins</c> spellings.</summary>
    private sealed class SameType : IEqualityComparer<AnnotationNode>
    {
        public static readonly SameType Instance = new();

        public bool Equals(AnnotationNode? x, AnnotationNode? y) =>
            x is not null && y is not null
            && x.Kind == y.Kind
            && (x.Name is null ? y.Name is null : y.Name is not null && TypeMapper.Canonical(x.Name) == TypeMapper.Canonical(y.Name))
            && x.Text == y.Text
            && x.Arguments.Count == y.Arguments.Count
            && x.Arguments.Zip(y.Arguments).All(pair => Equals(pair.First, pair.Second));

        public int GetHashCode(AnnotationNode node) => (node.Kind, node.Name is null ? null : TypeMapper.Canonical(node.Name), node.Arguments.Count).GetHashCode();
    }
}
