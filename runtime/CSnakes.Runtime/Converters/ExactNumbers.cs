using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Reads a list or tuple whose items are all exact <c>int</c> (or all exact <c>float</c>) at close to C speed. For
/// exactly those types the conversion (<c>PyLong_AsLongLongAndOverflow</c>, <c>PyFloat_AsDouble</c>) runs no Python
/// code, so with the GIL held nothing can change the container or free an item between reading it and converting it:
/// each item is read borrowed, with no reference count traffic and no per-item type dispatch. At the first item that
/// is anything else (a bool, a subclass, an <c>__index__</c> object, an int beyond 64 bits) it returns null and the
/// caller converts item by item, holding each item, with the usual exceptions. Free-threaded builds have no GIL to
/// rely on, so there it always returns null.
/// </summary>
internal static unsafe class ExactNumbers
{
    /// <summary>The items as <see cref="long"/>s, or null when the item-by-item path must decide.</summary>
    public static long[]? TryReadInt64(nint sequence, nint count, bool isList)
    {
        if (CPythonApi.FreeThreaded)
        {
            return null;
        }
        var result = new long[count];
        nint intType = CPythonApi.PyLongType;
        for (nint i = 0; i < count; i++)
        {
            nint item = isList ? CPythonApi.LeafListGetItemBorrowed(sequence, i) : CPythonApi.LeafTupleGetItem(sequence, i);
            if (item == 0 || CPythonApi.TypeOf(item) != intType)
            {
                CPythonApi.PyErr_Clear();
                return null;
            }
            int overflow;
            result[i] = CPythonApi.LeafLongAsLongLongAndOverflow(item, &overflow);
            if (overflow != 0)
            {
                return null;
            }
        }
        return result;
    }

    /// <summary>The items as <see cref="double"/>s, or null when the item-by-item path must decide.</summary>
    public static double[]? TryReadDouble(nint sequence, nint count, bool isList)
    {
        if (CPythonApi.FreeThreaded)
        {
            return null;
        }
        var result = new double[count];
        nint floatType = CPythonApi.PyFloatType;
        for (nint i = 0; i < count; i++)
        {
            nint item = isList ? CPythonApi.LeafListGetItemBorrowed(sequence, i) : CPythonApi.LeafTupleGetItem(sequence, i);
            if (item == 0 || CPythonApi.TypeOf(item) != floatType)
            {
                CPythonApi.PyErr_Clear();
                return null;
            }
            result[i] = CPythonApi.LeafFloatAsDouble(item);
        }
        return result;
    }
}
