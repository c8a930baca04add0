namespace CSnakes.Runtime.Native;

/// <summary>
/// Leaf functions called without a GC transition (<c>SuppressGCTransition</c>), which saves the
/// managed/native mode switch on the hottest paths (one per list item, per argument).
/// </summary>
/// <remarks>
/// Only functions that cannot block, cannot run Python code (so cannot call back into .NET) and
/// return quickly belong here: ints and floats are not tracked by Python's cyclic GC, so creating
/// them never triggers a collection (and with it arbitrary <c>__del__</c> code); item access on
/// lists and tuples, and reading a str's cached UTF-8, run no user code either.
/// </remarks>
internal static unsafe partial class CPythonApi
{
    public static delegate* unmanaged[SuppressGCTransition]<long, nint> LeafLongFromLongLong;
    /// <summary>Only for objects known to be ints (no <c>__index__</c> call).</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint, int*, long> LeafLongAsLongLongAndOverflow;
    public static delegate* unmanaged[SuppressGCTransition]<double, nint> LeafFloatFromDouble;
    /// <summary>Only for objects known to be floats (no <c>__float__</c> call).</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint, double> LeafFloatAsDouble;
    public static delegate* unmanaged[SuppressGCTransition]<nint, System.Runtime.InteropServices.CULong> LeafTypeGetFlags;
    public static delegate* unmanaged[SuppressGCTransition]<nint, nint> LeafListSize;
    /// <summary>
    /// Borrowed, so private: a list item can be freed by any Python code that runs next. Only
    /// <see cref="ListGetItemRef"/> uses it, increfing before anything else runs.
    /// </summary>
    private static delegate* unmanaged[SuppressGCTransition]<nint, nint, nint> LeafListGetItem;
    /// <summary>
    /// A borrowed list item, for <see cref="Converters.ExactNumbers"/> only: it reads the item and converts it with a
    /// leaf call before anything that could run Python code (and so free the item) runs, with the GIL held.
    /// </summary>
    public static nint LeafListGetItemBorrowed(nint list, nint index) => LeafListGetItem(list, index);
    /// <summary>Only on a new list whose slot is still empty (nothing to release).</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, int> LeafListSetNewItem;
    public static delegate* unmanaged[SuppressGCTransition]<nint, nint> LeafTupleSize;
    /// <summary>Borrowed: only through <see cref="ContainerItems.TupleItem"/>, whose tuple the caller keeps alive.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint, nint, nint> LeafTupleGetItem;
    public static delegate* unmanaged[SuppressGCTransition]<nint, void> LeafIncRef;
    /// <summary>Borrowed key and value: only for <see cref="Converters.ExactNumbers"/>, which runs no Python code while it reads a dict.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint, nint*, nint*, nint*, int> LeafDictNext;
    /// <summary>Only for valid UTF-8 we encoded ourselves (no error handler runs); str objects are not GC-tracked.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<byte*, nint, byte*, nint> LeafUnicodeDecodeUtf8;
    /// <summary>Only for objects known to be str; computes and caches the UTF-8 form at most once.</summary>
    public static delegate* unmanaged[SuppressGCTransition]<nint, nint*, nint> LeafUnicodeAsUtf8AndSize;

    private static void LoadLeaf()
    {
        LeafLongFromLongLong = (delegate* unmanaged[SuppressGCTransition]<long, nint>)Require("PyLong_FromLongLong");
        LeafLongAsLongLongAndOverflow = (delegate* unmanaged[SuppressGCTransition]<nint, int*, long>)Require("PyLong_AsLongLongAndOverflow");
        LeafFloatFromDouble = (delegate* unmanaged[SuppressGCTransition]<double, nint>)Require("PyFloat_FromDouble");
        LeafFloatAsDouble = (delegate* unmanaged[SuppressGCTransition]<nint, double>)Require("PyFloat_AsDouble");
        LeafTypeGetFlags = (delegate* unmanaged[SuppressGCTransition]<nint, System.Runtime.InteropServices.CULong>)Require("PyType_GetFlags");
        LeafListSize = (delegate* unmanaged[SuppressGCTransition]<nint, nint>)Require("PyList_Size");
        LeafListGetItem = (delegate* unmanaged[SuppressGCTransition]<nint, nint, nint>)Require("PyList_GetItem");
        LeafListSetNewItem = (delegate* unmanaged[SuppressGCTransition]<nint, nint, nint, int>)Require("PyList_SetItem");
        LeafTupleSize = (delegate* unmanaged[SuppressGCTransition]<nint, nint>)Require("PyTuple_Size");
        LeafTupleGetItem = (delegate* unmanaged[SuppressGCTransition]<nint, nint, nint>)Require("PyTuple_GetItem");
        LeafDictNext = (delegate* unmanaged[SuppressGCTransition]<nint, nint*, nint*, nint*, int>)Require("PyDict_Next");
        LeafIncRef = (delegate* unmanaged[SuppressGCTransition]<nint, void>)Require("Py_IncRef");
        LeafUnicodeDecodeUtf8 = (delegate* unmanaged[SuppressGCTransition]<byte*, nint, byte*, nint>)Require("PyUnicode_DecodeUTF8");
        LeafUnicodeAsUtf8AndSize = (delegate* unmanaged[SuppressGCTransition]<nint, nint*, nint>)Require("PyUnicode_AsUTF8AndSize");
    }
}
