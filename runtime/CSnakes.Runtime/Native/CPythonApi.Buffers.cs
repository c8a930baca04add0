namespace CSnakes.Runtime.Native;

internal static unsafe partial class CPythonApi
{
    public static delegate* unmanaged<nint, PyBufferStruct*, int, int> PyObject_GetBuffer;
    public static delegate* unmanaged<PyBufferStruct*, void> PyBuffer_Release;
    public static delegate* unmanaged<nint, int> PyObject_CheckBuffer;

    private static void LoadBuffers()
    {
        PyObject_GetBuffer = (delegate* unmanaged<nint, PyBufferStruct*, int, int>)Require("PyObject_GetBuffer");
        PyBuffer_Release = (delegate* unmanaged<PyBufferStruct*, void>)Require("PyBuffer_Release");
        // A macro before 3.11 in some builds; the exported function exists from 3.9 on.
        PyObject_CheckBuffer = (delegate* unmanaged<nint, int>)Optional("PyObject_CheckBuffer");
    }
}
