using System.Runtime.CompilerServices;
using System.Text;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Reads containers whose items are all of exact built-in types (a list or tuple of <c>int</c>, <c>float</c> or <c>str</c>; a
/// dict of <c>str</c> to <c>int</c> or <c>float</c>) at close to C speed. For exactly those types the conversion runs
/// no Python code (<c>PyLong_AsLongLongAndOverflow</c>, a float's value, a str's cached UTF-8), so with the GIL held
/// nothing can change the container or free an item between reading it and converting it: items are read borrowed,
/// with no reference count traffic and no per-item type dispatch. At the first item that is anything else (a bool, a
/// subclass, an <c>__index__</c> object, an int beyond 64 bits, a str with lone surrogates) it returns null and the
/// caller converts item by item, holding each item, with the usual exceptions. Free-threaded builds have no GIL to
/// rely on, so there it always returns null.
/// </summary>
internal static unsafe class ExactNumbers
{
    // PyListObject.ob_item and PyFloatObject.ob_fval follow the 24- and 16-byte object headers of default 64-bit
    // builds (3.9–3.15). Read directly only after checking, once, that they are where the API says they are.
    private const int ListItemsOffset = 24;
    private const int FloatValueOffset = 16;
    // A tuple's items follow its header inline: at 24 bytes through 3.13, after a cached hash (32) from 3.14. Found
    // by the layout check rather than by version, so a build that moves it again falls back to the API.
    private static readonly int[] s_tupleItemsOffsets = [24, 32];
    private static int s_tupleItemsOffset;
    private static int s_layoutChecked; // 0 unknown, 1 direct reads verified, -1 use the API
    // A compact ASCII str (most keys and short texts) holds its length at 16, a state word at 32 (bit 5 compact,
    // bit 6 ascii) and its characters inline: at 40, or 48 before 3.12 (after a wstr pointer). Such characters are
    // their own UTF-8, so they are read without the PyUnicode_AsUTF8AndSize call. 0 until the layout check has found
    // and verified the offset; it stays 0 (use the call) where it does not verify.
    private const int StrLengthOffset = 16;
    private const int StrStateOffset = 32;
    private const uint CompactAscii = (1u << 5) | (1u << 6);
    private static int s_asciiDataOffset;

    /// <summary>The items as <see cref="long"/>s, or null when the item-by-item path must decide.</summary>
    public static ChunkedReadOnlyList<long>? TryReadInt64(nint sequence, nint count, bool isList) =>
        TryReadItems<long, Int64Reader>(sequence, count, isList);

    /// <summary>The items as <see cref="double"/>s, or null when the item-by-item path must decide.</summary>
    public static ChunkedReadOnlyList<double>? TryReadDouble(nint sequence, nint count, bool isList) =>
        TryReadItems<double, DoubleReader>(sequence, count, isList);

    /// <summary>The items as .NET strings when every item is an exact <c>str</c> with a UTF-8 form; null otherwise.</summary>
    public static ChunkedReadOnlyList<string>? TryReadStrings(nint sequence, nint count, bool isList) =>
        TryReadItems<string, StringReader>(sequence, count, isList);

    /// <summary>
    /// A dict with exact <c>str</c> keys and exact <c>int</c> (<typeparamref name="TValue"/> = <see cref="long"/>) or
    /// <c>float</c> (<see cref="double"/>) values, read in place (nothing here runs Python code, so under the GIL the
    /// dict cannot change meanwhile); null when the entry-by-entry path must decide. Distinct Python strs are distinct
    /// .NET strings, so the keys need no duplicate check and the result hashes them only when first looked up.
    /// </summary>
    public static ChunkedReadOnlyDictionary<string, TValue>? TryReadStringKeyed<TValue>(nint dict, int count) =>
        typeof(TValue) == typeof(long) ? (ChunkedReadOnlyDictionary<string, TValue>?)(object?)TryReadEntries<long, Int64Reader>(dict, count)
        : typeof(TValue) == typeof(double) ? (ChunkedReadOnlyDictionary<string, TValue>?)(object?)TryReadEntries<double, DoubleReader>(dict, count)
        : null;

    // The one loop over a list's or tuple's items. TReader is a struct, so the JIT compiles a copy per item type with
    // its read inlined: no per-item dispatch.
    private static ChunkedReadOnlyList<T>? TryReadItems<T, TReader>(nint sequence, nint count, bool isList)
        where TReader : struct, IExactReader<T>
    {
        if (CPythonApi.FreeThreaded)
        {
            return null;
        }
        var result = ChunkedReadOnlyList<T>.Allocate(count);
        nint exactType = TReader.ExactType;
        nint* items = ItemArray(sequence, isList);
        nint i = 0;
        foreach (T[] chunk in result.Chunks)
        {
            for (int j = 0; j < chunk.Length; j++, i++)
            {
                nint item = ItemAt(items, sequence, i, isList);
                if (item == 0 || CPythonApi.TypeOf(item) != exactType)
                {
                    CPythonApi.PyErr_Clear();
                    return null;
                }
                if (!TReader.TryRead(item, out chunk[j]))
                {
                    return null;
                }
            }
        }
        return result;
    }

    private static ChunkedReadOnlyDictionary<string, TValue>? TryReadEntries<TValue, TReader>(nint dict, int count)
        where TReader : struct, IExactReader<TValue>
    {
        if (CPythonApi.FreeThreaded)
        {
            return null;
        }
        var keys = ChunkedReadOnlyList<string>.Allocate(count);
        var values = ChunkedReadOnlyList<TValue>.Allocate(count);
        nint strType = StringReader.ExactType, valueType = TReader.ExactType;
        nint position = 0, key, value;
        int i = 0;
        while (CPythonApi.LeafDictNext(dict, &position, &key, &value) != 0)
        {
            if (i == count || CPythonApi.TypeOf(key) != strType || CPythonApi.TypeOf(value) != valueType
                || !TReader.TryRead(value, out values.Slot(i))
                || !StringReader.TryRead(key, out keys.Slot(i)))
            {
                return null;
            }
            i++;
        }
        return i == count ? new ChunkedReadOnlyDictionary<string, TValue>(keys, values) : null;
    }

    // Reads one item already known to be of ExactType; false when the value has no .NET form of this kind.
    private interface IExactReader<T>
    {
        static abstract nint ExactType { get; }

        static abstract bool TryRead(nint item, out T value);
    }

    private struct Int64Reader : IExactReader<long>
    {
        public static nint ExactType => CPythonApi.PyLongType;

        // False for an int beyond 64 bits (no error is set for that).
        public static bool TryRead(nint item, out long value)
        {
            int overflow;
            value = CPythonApi.LeafLongAsLongLongAndOverflow(item, &overflow);
            return overflow == 0;
        }
    }

    private struct DoubleReader : IExactReader<double>
    {
        public static nint ExactType => CPythonApi.PyFloatType;

        public static bool TryRead(nint item, out double value)
        {
            value = LayoutVerified ? *(double*)(item + FloatValueOffset) : CPythonApi.LeafFloatAsDouble(item);
            return true;
        }
    }

    private struct StringReader : IExactReader<string>
    {
        public static nint ExactType => CPythonApi.PyUnicodeType;

        // False for a str with lone surrogates, which has no UTF-8 form.
        public static bool TryRead(nint item, out string value)
        {
            int dataOffset = s_asciiDataOffset;
            if (dataOffset != 0 && (*(uint*)(item + StrStateOffset) & CompactAscii) == CompactAscii)
            {
                value = AsciiString(item, dataOffset);
                return true;
            }
            value = StrConverter.TryFromUtf8(item)!;
            return value is not null;
        }
    }

    // The borrowed item array of a list (a pointer in the object) or a tuple (inline in the object), once the layout
    // has been verified; null to read items through the API.
    private static nint* ItemArray(nint sequence, bool isList) =>
        !LayoutVerified ? null : isList ? *(nint**)(sequence + ListItemsOffset) : (nint*)(sequence + s_tupleItemsOffset);

    // A borrowed item: from the item array when there is one, else through the API.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint ItemAt(nint* items, nint sequence, nint index, bool isList) =>
        items != null ? items[index] : isList ? CPythonApi.LeafListGetItemBorrowed(sequence, index) : CPythonApi.LeafTupleGetItem(sequence, index);

    internal static bool LayoutVerified
    {
        get
        {
            int state = s_layoutChecked;
            if (state == 0)
            {
                state = CheckLayout() ? 1 : -1;
                s_layoutChecked = state;
            }
            return state == 1;
        }
    }

    // With the GIL held: a float in a one-item list and in a two-item tuple, read directly and through the API.
    private static bool CheckLayout()
    {
        if (CPythonApi.ObTypeOffset != 8 || sizeof(nint) != 8)
        {
            return false;
        }
        nint value = CPythonApi.LeafFloatFromDouble(1.5);
        if (value == 0)
        {
            CPythonApi.PyErr_Clear();
            return false;
        }
        bool listSame = false, tupleSame = false;
        nint list = CPythonApi.PyList_New(1);
        if (list != 0)
        {
            // The list and the tuple each take a reference to the float.
            CPythonApi.Py_IncRef(value);
            CPythonApi.LeafListSetNewItem(list, 0, value);
            listSame = (*(nint**)(list + ListItemsOffset))[0] == CPythonApi.LeafListGetItemBorrowed(list, 0);
            CPythonApi.Py_DecRef(list);
        }
        nint tuple = CPythonApi.PyTuple_New(2);
        if (tuple != 0)
        {
            CPythonApi.Py_IncRef(value);
            CPythonApi.Py_IncRef(CPythonApi.PyNone);
            if (CPythonApi.PyTuple_SetItem(tuple, 0, value) == 0 && CPythonApi.PyTuple_SetItem(tuple, 1, CPythonApi.PyNone) == 0)
            {
                foreach (int offset in s_tupleItemsOffsets)
                {
                    var items = (nint*)(tuple + offset);
                    if (items[0] == CPythonApi.LeafTupleGetItem(tuple, 0) && items[1] == CPythonApi.LeafTupleGetItem(tuple, 1))
                    {
                        s_tupleItemsOffset = offset;
                        tupleSame = true;
                        break;
                    }
                }
            }
            CPythonApi.Py_DecRef(tuple);
        }
        bool floatSame = *(double*)(value + FloatValueOffset) == 1.5;
        CPythonApi.Py_DecRef(value);
        CPythonApi.PyErr_Clear();
        s_asciiDataOffset = listSame && tupleSame && floatSame ? FindAsciiDataOffset() : 0;
        return listSame && tupleSame && floatSame;
    }

    private static string AsciiString(nint str, int dataOffset)
    {
        nint length = *(nint*)(str + StrLengthOffset);
        return length == 0 ? string.Empty : Encoding.ASCII.GetString((byte*)(str + dataOffset), checked((int)length));
    }

    /// <summary>Whether compact ASCII strs are read without a call (the layout check found their data).</summary>
    internal static bool ReadsAsciiDirectly => LayoutVerified && s_asciiDataOffset != 0;

    // With the GIL held: an ASCII str and a non-ASCII one, whose length, state bits and data must be where the direct
    // read expects them; the data offset is where PyUnicode_AsUTF8AndSize says an ASCII str's UTF-8 is.
    private static int FindAsciiDataOffset()
    {
        ReadOnlySpan<byte> ascii = "abcd"u8, latin1 = "\u00e9"u8;
        nint asciiStr, latin1Str;
        fixed (byte* a = ascii)
        fixed (byte* l = latin1)
        {
            asciiStr = CPythonApi.LeafUnicodeDecodeUtf8(a, ascii.Length, null);
            latin1Str = CPythonApi.LeafUnicodeDecodeUtf8(l, latin1.Length, null);
        }
        int found = 0;
        if (asciiStr != 0 && latin1Str != 0)
        {
            nint size;
            nint utf8 = CPythonApi.LeafUnicodeAsUtf8AndSize(asciiStr, &size);
            int offset = (int)(utf8 - asciiStr);
            bool verified = utf8 != 0 && size == 4 && (offset == 40 || offset == 48)
                && *(nint*)(asciiStr + StrLengthOffset) == 4 && *(nint*)(latin1Str + StrLengthOffset) == 1
                && (*(uint*)(asciiStr + StrStateOffset) & CompactAscii) == CompactAscii
                && (*(uint*)(latin1Str + StrStateOffset) & CompactAscii) == (1u << 5)
                && AsciiString(asciiStr, offset) == "abcd";
            found = verified ? offset : 0;
        }
        if (asciiStr != 0)
        {
            CPythonApi.Py_DecRef(asciiStr);
        }
        if (latin1Str != 0)
        {
            CPythonApi.Py_DecRef(latin1Str);
        }
        CPythonApi.PyErr_Clear();
        return found;
    }
}
