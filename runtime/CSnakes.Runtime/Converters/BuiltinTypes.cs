using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Built-in Python types the C API table does not expose directly (<c>set</c>, <c>frozenset</c>),
/// looked up in <c>builtins</c> on first use and kept for the life of the interpreter. The caller holds the GIL.
/// </summary>
internal static unsafe class BuiltinTypes
{
    private static nint s_set, s_frozenset;

    public static nint Set => s_set != 0 ? s_set : (s_set = Load("set"));

    public static nint FrozenSet => s_frozenset != 0 ? s_frozenset : (s_frozenset = Load("frozenset"));

    /// <summary>Calls <paramref name="callable"/> with one borrowed argument and returns the new reference.</summary>
    public static nint CallOne(nint callable, nint argument)
    {
        nint* args = stackalloc nint[2];
        args[1] = argument;
        nint result = CPythonApi.PyObject_VectorcallDict(callable, args + 1, 1, 0);
        return result != 0 ? result : throw ConversionErrors.Pending();
    }

    private static nint Load(string name)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes("builtins\0");
        fixed (byte* p = utf8)
        {
            nint builtins = CPythonApi.PyImport_ImportModule((nint)p);
            if (builtins == 0)
            {
                throw ConversionErrors.Pending();
            }

            try
            {
                return StdlibTypes.GetAttr(builtins, name);
            }
            finally
            {
                CPythonApi.Py_DecRef(builtins);
            }
        }
    }
}
