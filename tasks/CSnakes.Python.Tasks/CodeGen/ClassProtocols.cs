namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// The C# members a class's special methods become (docs/type-mapping.md, "Protocols"). <c>__call__</c> and
/// <c>__contains__</c> are ordinary methods of <see cref="ClassWrapper.Methods"/> (<c>Invoke</c>, <c>Contains</c>); the rest is here.
/// </summary>
// Operators: C# operators (and FloorDivide), each calling Python's operator.<name>, in declaration order, pairs complete.
// DefinesEquality: == is declared, so Equals/GetHashCode are overridden (Python's == and hash()).
// CountName: __len__ as an int property (Count, or its escape when the class already has a member of that name).
// Indexers: __getitem__'s overloads as indexers; their MethodName is the indexer's name (Item, or its escape).
// ItemType: what iterating gives (__iter__'s Iterator[T], or a sequence's items); null when the class is not iterable.
// Collection: the .NET collection interface the class implements.
// ListIndexer: for an IReadOnlyList<T>, the indexer (taking a Python int) that this[int] forwards to.
// Enter: __enter__, when __exit__ exists too: Enter() and a Dispose that calls __exit__(None, None, None) once.
internal sealed record ClassProtocols(
    IReadOnlyList<OperatorWrapper> Operators,
    bool DefinesEquality,
    string? CountName,
    IReadOnlyList<FunctionWrapper> Indexers,
    CSharpType? ItemType,
    CollectionInterface Collection,
    FunctionWrapper? ListIndexer,
    FunctionWrapper? Enter)
{
    /// <summary>A class with no special methods the wrapper turns into members.</summary>
    public static readonly ClassProtocols None = new([], false, null, [], null, CollectionInterface.None, null, null);
}

/// <summary>
/// One C# operator for a Python operator method: <see cref="Function"/>'s first parameter is the wrapper itself (the left
/// operand, or the only one of a unary operator); the call goes through Python's <c>operator.<see cref="OperatorFunction"/></c>,
/// so Python's own rules apply (a reflected <c>__radd__</c> of the right operand, <c>NotImplemented</c> as a <c>TypeError</c>).
/// A null <see cref="Symbol"/> is a method named <see cref="FunctionWrapper.MethodName"/> (<c>FloorDivide</c>: C# has no <c>//</c>).
/// </summary>
internal sealed record OperatorWrapper(string? Symbol, string OperatorFunction, FunctionWrapper Function);

/// <summary>The .NET collection interface a wrapper implements, each including the ones before it.</summary>
internal enum CollectionInterface
{
    /// <summary>Not iterable (or its items do not map).</summary>
    None,

    /// <summary><c>IEnumerable&lt;T&gt;</c>: <c>__iter__</c>.</summary>
    Enumerable,

    /// <summary><c>IReadOnlyCollection&lt;T&gt;</c>: <c>__iter__</c> and <c>__len__</c>.</summary>
    ReadOnlyCollection,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>: <c>__len__</c> and a <c>__getitem__</c> taking an int and giving the items.</summary>
    ReadOnlyList,
}
