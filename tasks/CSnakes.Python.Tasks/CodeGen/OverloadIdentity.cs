namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// A parameter type as the C# compiler compares method signatures: nullable reference annotations are not part
/// of a signature (<c>IEnumerable&lt;string?&gt;</c> and <c>IEnumerable&lt;string&gt;</c> are one parameter type),
/// nullable value types are (<c>long?</c> is <c>Nullable&lt;long&gt;</c>). Overloads with equal identities are one method.
/// </summary>
internal static class OverloadIdentity
{
    public static string Of(CSharpType type) => Erase(type).ParameterSpelling;

    private static CSharpType Erase(CSharpType type) => type switch
    {
        OptionalType optional when !optional.Inner.IsValueType => Erase(optional.Inner),
        OptionalType optional => optional with { Inner = Erase(optional.Inner) },
        ListType list => list with { Element = Erase(list.Element) },
        TupleListType tuple => tuple with { Element = Erase(tuple.Element) },
        SetType set => set with { Element = Erase(set.Element) },
        DictType dict => dict with { Key = Erase(dict.Key), Value = Erase(dict.Value) },
        TupleType tuple => new TupleType(tuple.Items.Select(Erase).ToArray()),
        IterableType iterable => iterable with { Element = Erase(iterable.Element) },
        GeneratorType generator => new GeneratorType(Erase(generator.Yield), Erase(generator.Send), Erase(generator.Return)),
        CallableType callable => new CallableType(callable.Parameters.Select(Erase).ToArray(), callable.Result is null ? null : Erase(callable.Result)),
        _ => type,
    };
}
