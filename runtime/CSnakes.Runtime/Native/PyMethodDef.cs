using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Native;

/// <summary>
/// CPython's <c>PyMethodDef</c>: <c>{ const char *ml_name; PyCFunction ml_meth; int ml_flags; const char *ml_doc; }</c>,
/// unchanged from 3.0 to 3.13 (32 bytes on 64-bit: the int is padded to pointer alignment).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyMethodDef
{
    /// <summary>Arguments arrive as a C array plus a count (<c>PyObject *const *args, Py_ssize_t nargs</c>); no keywords.</summary>
    public const int MethFastCall = 0x0080;

    public nint Name;
    public nint Method;
    public int Flags;
    public nint Doc;
}
