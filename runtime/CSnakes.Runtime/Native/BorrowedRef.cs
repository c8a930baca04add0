namespace CSnakes.Runtime.Native;

/// <summary>
/// A <c>PyObject*</c> this scope does not own (a "borrowed reference"): something else keeps the object
/// alive, and only for as long as that something is itself alive and unchanged.
/// </summary>
/// <remarks>
/// A <c>ref struct</c>, so it cannot outlive the scope that borrowed it (no fields, boxing, lambdas or
/// async state). Legitimate sources: an item of a tuple kept alive by an <see cref="OwnedRef"/> or by the
/// caller (tuples never change), the argument a caller passes for the duration of a call, interpreter
/// singletons. An item of a list or dict is not one: the list or dict can change whenever Python code
/// runs; take an <see cref="OwnedRef"/> instead (see <see cref="ContainerItems"/>).
/// </remarks>
internal readonly ref struct BorrowedRef
{
    public BorrowedRef(nint handle) => Handle = handle;

    /// <summary>The pointer; do not keep it past the owner's life.</summary>
    public nint Handle { get; }
}
