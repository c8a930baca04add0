using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Built-in Python types the C API table does not expose directly (<c>set</c>, <c>frozenset</c>),
/// looked up in <c>builtins</c> on first use and kept for the life of the interpreter. The caller holds the GIL.
/// </summary>
internal static unsafe class BuiltinTypes
{
    // Static types of the C core, shared by every interpreter (sub-interpreters too), so one cache serves all.
    private static nint s_set, s_frozenset;

    public static nint Set => StdlibTypes.Load(ref s_set, "builtins", "set");

    public static nint FrozenSet => StdlibTypes.Load(ref s_frozenset, "builtins", "frozenset");

    /// <summary>Calls <paramref name="callable"/> with one borrowed argument and returns the new reference.</summary>
    public static nint CallOne(nint callable, nint argument)
    {
        nint* args = stackalloc nint[2];
        args[1] = argument;
        nint result = CPythonApi.PyObject_VectorcallDict(callable, args + 1, 1, 0);
        return result != 0 ? result : throw ConversionErrors.Pending();
    }
}
