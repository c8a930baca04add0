namespace CSnakes.Runtime.Native;

/// <summary>
/// One strong reference (<c>Py_NewRef</c>/a "new reference" result) that this scope must release:
/// <c>using var item = …;</c>. Whatever Python code runs meanwhile, the object stays alive.
/// </summary>
/// <remarks>
/// The runtime's ownership rule: a borrowed <c>PyObject*</c> (<see cref="BorrowedRef"/>) may not live across
/// anything that can run Python code (attribute access, calls, comparisons, allocations that run the GC and
/// finalizers, releasing the GIL) unless something that cannot change (an immutable tuple) is kept alive by
/// an owned reference. A <c>ref struct</c>, so it cannot be boxed, stored on the heap or captured, and
/// ownership cannot leak into a field by accident; do not copy it (the copy would release twice).
/// <see cref="PyObject"/> is the heap form of an owned reference.
/// </remarks>
internal ref struct OwnedRef
{
    private nint _handle;

    private OwnedRef(nint handle) => _handle = handle;

    /// <summary>Takes over a new reference; 0 means the C API failed, and the pending Python error is thrown.</summary>
    public static OwnedRef Steal(nint handle) => handle != 0 ? new OwnedRef(handle) : throw PythonErrors.FetchAndTranslate();

    /// <summary>Takes a new reference to a borrowed one, before anything else can run.</summary>
    public static OwnedRef NewRef(BorrowedRef borrowed) => new(CPythonApi.NewRef(borrowed.Handle));

    /// <summary>The pointer, alive for as long as this is not disposed.</summary>
    public readonly nint Handle => _handle;

    /// <summary>A borrowed view, valid while this owner is alive.</summary>
    public readonly BorrowedRef Borrow() => new(_handle);

    /// <summary>Releases the reference (may run <c>__del__</c>); safe to call twice. The caller holds the GIL.</summary>
    public void Dispose()
    {
        nint handle = _handle;
        _handle = 0;
        CPythonApi.Py_DecRef(handle);
    }
}
