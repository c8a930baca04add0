namespace CSnakes.Runtime.Native;

internal static unsafe partial class CPythonApi
{
    public static delegate* unmanaged<nint, void> Py_IncRef;
    public static delegate* unmanaged<nint, nint, nint> PyObject_GetAttrString;
    public static delegate* unmanaged<nint, nint, nint, int> PyObject_SetAttrString;
    public static delegate* unmanaged<nint, nint, int> PyObject_HasAttrString;
    public static delegate* unmanaged<nint, nint> PyObject_Str;
    public static delegate* unmanaged<nint, nint> PyObject_Repr;
    public static delegate* unmanaged<nint, nint> PyObject_Hash;
    public static delegate* unmanaged<nint, nint, int, nint> PyObject_RichCompare;
    public static delegate* unmanaged<nint, nint, int, int> PyObject_RichCompareBool;
    public static delegate* unmanaged<nint, int> PyObject_IsTrue;
    public static delegate* unmanaged<nint, nint, nint> PyObject_GetItem;
    public static delegate* unmanaged<nint, nint, nint, int> PyObject_SetItem;
    public static delegate* unmanaged<nint, nint> PyObject_GetIter;
    public static delegate* unmanaged<nint, nint> PyIter_Next;
    public static delegate* unmanaged<nint, nint> PyObject_Length;
    public static delegate* unmanaged<nint, nint, int> PyObject_IsInstance;
    public static delegate* unmanaged<nint, nint> PyObject_Type;
    public static delegate* unmanaged<nint, nint> PyObject_CallNoArgs;
    public static delegate* unmanaged<nint, nint*, nuint, nint, nint> PyObject_VectorcallDict;
    /// <summary>Exported from 3.11 on; null before, where <see cref="PyObject_VectorcallDict"/> is used.</summary>
    public static delegate* unmanaged<nint, nint*, nuint, nint, nint> PyObject_Vectorcall;
    public static delegate* unmanaged<nint, nint> PyImport_ImportModule;
    public static delegate* unmanaged<nint, System.Runtime.InteropServices.CULong> PyType_GetFlags;
    public static delegate* unmanaged<nint, nint, int> PyType_IsSubtype;

    /// <summary>
    /// <c>import name</c>: a new reference to the module, or 0 with the Python error set. The one place
    /// that turns a module name into the NUL-terminated UTF-8 the C API wants.
    /// </summary>
    public static nint ImportModule(string name)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = utf8)
        {
            return PyImport_ImportModule((nint)p);
        }
    }

    /// <summary>Set on the argument count so a callee may use args[-1] as scratch space (saves a copy for bound methods).</summary>
    public static readonly nuint PyVectorcallArgumentsOffset = (nuint)1 << (8 * IntPtr.Size - 1);

    private static void LoadObjects()
    {
        Py_IncRef = (delegate* unmanaged<nint, void>)Require("Py_IncRef");
        LoadReferenceCounting();
        PyObject_GetAttrString = (delegate* unmanaged<nint, nint, nint>)Require("PyObject_GetAttrString");
        PyObject_SetAttrString = (delegate* unmanaged<nint, nint, nint, int>)Require("PyObject_SetAttrString");
        PyObject_HasAttrString = (delegate* unmanaged<nint, nint, int>)Require("PyObject_HasAttrString");
        PyObject_Str = (delegate* unmanaged<nint, nint>)Require("PyObject_Str");
        PyObject_Repr = (delegate* unmanaged<nint, nint>)Require("PyObject_Repr");
        PyObject_Hash = (delegate* unmanaged<nint, nint>)Require("PyObject_Hash");
        PyObject_RichCompare = (delegate* unmanaged<nint, nint, int, nint>)Require("PyObject_RichCompare");
        PyObject_RichCompareBool = (delegate* unmanaged<nint, nint, int, int>)Require("PyObject_RichCompareBool");
        PyObject_IsTrue = (delegate* unmanaged<nint, int>)Require("PyObject_IsTrue");
        PyObject_GetItem = (delegate* unmanaged<nint, nint, nint>)Require("PyObject_GetItem");
        PyObject_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Require("PyObject_SetItem");
        PyObject_GetIter = (delegate* unmanaged<nint, nint>)Require("PyObject_GetIter");
        PyIter_Next = (delegate* unmanaged<nint, nint>)Require("PyIter_Next");
        PyObject_Length = (delegate* unmanaged<nint, nint>)Require("PyObject_Size");
        PyObject_IsInstance = (delegate* unmanaged<nint, nint, int>)Require("PyObject_IsInstance");
        PyObject_Type = (delegate* unmanaged<nint, nint>)Require("PyObject_Type");
        PyObject_CallNoArgs = (delegate* unmanaged<nint, nint>)Require("PyObject_CallNoArgs");
        PyObject_VectorcallDict = (delegate* unmanaged<nint, nint*, nuint, nint, nint>)Require("PyObject_VectorcallDict");
        PyObject_Vectorcall = (delegate* unmanaged<nint, nint*, nuint, nint, nint>)Optional("PyObject_Vectorcall");
        PyImport_ImportModule = (delegate* unmanaged<nint, nint>)Require("PyImport_ImportModule");
        PyType_GetFlags = (delegate* unmanaged<nint, System.Runtime.InteropServices.CULong>)Require("PyType_GetFlags");
        PyType_IsSubtype = (delegate* unmanaged<nint, nint, int>)Require("PyType_IsSubtype");
    }
}
