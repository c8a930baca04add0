using System.Runtime.InteropServices;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Reads a whole list or tuple of numbers at C speed: <c>array.array('q' or 'd', sequence)</c> converts every item
/// inside CPython (one call instead of a transition, a type check and a reference-count pair per item), and its
/// buffer is copied into the .NET array in one block. It accepts exactly what the per-item converters accept:
/// <c>'q'</c> takes ints, bools and <c>__index__</c> objects and refuses floats and strings as <see cref="IntConverter"/>
/// does; <c>'d'</c> takes floats, ints and <c>__float__</c>/<c>__index__</c> objects as <see cref="FloatConverter"/>
/// does. When it refuses anything (a wrong type, an overflow, a list that changed size) it returns null and the
/// caller converts item by item, which raises the precise, function-naming exception. The GIL is held throughout;
/// no item reference is held by .NET at all.
/// </summary>
internal static unsafe class BulkNumbers
{
    /// <summary>Below this many items the per-item path is cheaper than making the array (measured: ~0.5 µs fixed cost).</summary>
    public const int MinimumCount = 32;

    private static nint s_arrayType;
    private static nint s_int64Code;
    private static nint s_doubleCode;

    /// <summary>The items as <see cref="long"/>s, or null when the per-item path must decide.</summary>
    public static long[]? TryReadInt64(nint sequence, nint count) => TryRead<long>(sequence, count, ref s_int64Code, "q");

    /// <summary>The items as <see cref="double"/>s, or null when the per-item path must decide.</summary>
    public static double[]? TryReadDouble(nint sequence, nint count) => TryRead<double>(sequence, count, ref s_doubleCode, "d");

    private static T[]? TryRead<T>(nint sequence, nint count, ref nint typeCode, string code) where T : unmanaged
    {
        if (!EnsureCached(ref typeCode, code))
        {
            return null;
        }

        nint* args = stackalloc nint[3];
        args[1] = typeCode;
        args[2] = sequence;
        // args[0] is the slot the callee may borrow (PY_VECTORCALL_ARGUMENTS_OFFSET).
        nuint nargsf = 2 | CPythonApi.PyVectorcallArgumentsOffset;
        nint array = CPythonApi.PyObject_Vectorcall != null
            ? CPythonApi.PyObject_Vectorcall(s_arrayType, args + 1, nargsf, 0)
            : CPythonApi.PyObject_VectorcallDict(s_arrayType, args + 1, 2, 0);
        if (array == 0)
        {
            CPythonApi.PyErr_Clear();
            return null;
        }

        PyBufferStruct view = default;
        try
        {
            if (CPythonApi.PyObject_GetBuffer(array, &view, 0) != 0)
            {
                CPythonApi.PyErr_Clear();
                return null;
            }
            try
            {
                if (view.Len != count * sizeof(T))
                {
                    return null; // the sequence changed size while it was read
                }
                var result = new T[count];
                new ReadOnlySpan<byte>(view.Buf, checked((int)view.Len)).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
                return result;
            }
            finally
            {
                CPythonApi.PyBuffer_Release(&view);
            }
        }
        finally
        {
            CPythonApi.Py_DecRef(array);
        }
    }

    // array.array and the one-character type codes, kept for the life of the interpreter (the GIL is held).
    private static bool EnsureCached(ref nint typeCode, string code)
    {
        if (s_arrayType == 0)
        {
            nint module = CPythonApi.ImportModule("array");
            if (module == 0)
            {
                CPythonApi.PyErr_Clear();
                return false;
            }
            nint type;
            fixed (byte* name = "array"u8)
            {
                type = CPythonApi.PyObject_GetAttrString(module, (nint)name);
            }
            CPythonApi.Py_DecRef(module);
            if (type == 0)
            {
                CPythonApi.PyErr_Clear();
                return false;
            }
            s_arrayType = type;
        }
        if (typeCode == 0)
        {
            typeCode = StrConverter.Instance.ToPythonHandle(code);
        }
        return typeCode != 0;
    }
}
