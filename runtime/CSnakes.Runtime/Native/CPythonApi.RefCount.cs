using System.Runtime.CompilerServices;

namespace CSnakes.Runtime.Native;

/// <summary>
/// <c>Py_DECREF</c> the way CPython's own macro does it: the reference count is the first field of every object
/// (<c>ob_refcnt</c>, a <c>Py_ssize_t</c>), so a decrement that does not free the object is a plain store made
/// under the GIL, with no call and no GC transition. Only a decrement that would free the object calls
/// <c>Py_DecRef</c>, keeping the transition there because deallocation can run <c>__del__</c>, which can run
/// any Python code and call back into .NET.
/// </summary>
/// <remarks>
/// The inline path is off where that header layout or accounting does not hold: free-threaded builds (biased
/// reference counts in other fields) and debug builds (<c>Py_TRACE_REFS</c> puts list links before
/// <c>ob_refcnt</c>, <c>Py_REF_DEBUG</c> counts every change). From 3.12 on, immortal objects (<c>None</c>,
/// small ints, interned strings) have a negative low 32-bit half and are never changed, as in CPython.
/// </remarks>
internal static unsafe partial class CPythonApi
{
    private static delegate* unmanaged<nint, void> s_decRef;
    private static bool s_inlineDecRef;
    private static bool s_hasImmortalObjects;

    /// <summary>Releases one reference (<c>NULL</c> allowed). The caller holds the GIL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Py_DecRef(nint obj)
    {
        if (s_inlineDecRef && obj != 0)
        {
            nint* refCount = (nint*)obj;
            nint count = *refCount;
            if (s_hasImmortalObjects && (int)count < 0)
            {
                return;
            }

            if (count > 1)
            {
                *refCount = count - 1;
                return;
            }
        }

        s_decRef(obj);
    }

    private static void LoadReferenceCounting()
    {
        s_decRef = (delegate* unmanaged<nint, void>)Require("Py_DecRef");
        bool debugBuild = Optional("_Py_RefTotal") != 0 || Optional("_Py_GetRefTotal") != 0;
        s_inlineDecRef = ObTypeOffset == 8 && !debugBuild;
        s_hasImmortalObjects = Version >= new Version(3, 12);
    }
}
