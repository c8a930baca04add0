namespace CSnakes.Runtime.Native;

/// <summary>
/// The C API entries only the exception type registry needs (Exceptions/ExceptionClassResolver.cs), resolved on
/// first use so the loader's list stays as it is. Exported since 3.9; the GIL must be held.
/// </summary>
internal static unsafe partial class CPythonApi
{
    /// <summary>Set on exception classes (<c>Py_TPFLAGS_BASE_EXC_SUBCLASS</c>).</summary>
    public const ulong TpFlagsBaseExceptionSubclass = 1UL << 30;

    /// <summary>Set on type objects, read off their metatype (<c>Py_TPFLAGS_TYPE_SUBCLASS</c>).</summary>
    public const ulong TpFlagsTypeSubclass = 1UL << 31;

    /// <summary>Set on classes made at run time (<c>class</c> statements), which a module reload makes again (<c>Py_TPFLAGS_HEAPTYPE</c>).</summary>
    public const ulong TpFlagsHeapType = 1UL << 9;

    private static delegate* unmanaged<nint> s_interpreterStateGet;
    private static delegate* unmanaged<byte*, nint> s_sysGetObject;
    private static delegate* unmanaged<nint, byte*, nint> s_dictGetItemString;

    /// <summary>The interpreter of the calling thread (<c>PyInterpreterState_Get</c>): each sub-interpreter has its own.</summary>
    public static nint PyInterpreterState_Get()
    {
        if (s_interpreterStateGet == null)
        {
            s_interpreterStateGet = (delegate* unmanaged<nint>)Require("PyInterpreterState_Get");
        }

        return s_interpreterStateGet();
    }

    /// <summary>
    /// <c>sys.&lt;name&gt;</c>, borrowed, or 0 with no error set when it is missing (<c>PySys_GetObject</c>); runs no
    /// Python code. Unlike <c>PyImport_GetModuleDict</c> it does not abort the process late in finalization.
    /// </summary>
    public static nint PySys_GetObject(byte* name)
    {
        if (s_sysGetObject == null)
        {
            s_sysGetObject = (delegate* unmanaged<byte*, nint>)Require("PySys_GetObject");
        }

        return s_sysGetObject(name);
    }

    /// <summary>
    /// <c>dict[key]</c> for a str key, borrowed, or 0 with no error set when it is missing (<c>PyDict_GetItemString</c>).
    /// Runs no Python code on a dict whose keys are all str.
    /// </summary>
    public static nint PyDict_GetItemString(nint dict, byte* key)
    {
        if (s_dictGetItemString == null)
        {
            s_dictGetItemString = (delegate* unmanaged<nint, byte*, nint>)Require("PyDict_GetItemString");
        }

        return s_dictGetItemString(dict, key);
    }
}
