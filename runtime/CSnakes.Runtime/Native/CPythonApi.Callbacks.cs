namespace CSnakes.Runtime.Native;

/// <summary>What it takes to expose a .NET delegate as a Python function (see <c>Callbacks/</c>).</summary>
internal static unsafe partial class CPythonApi
{
    /// <summary><c>PyCFunction_NewEx(PyMethodDef*, self, module)</c>: exported (not a macro) on every 3.x.</summary>
    public static delegate* unmanaged<PyMethodDef*, nint, nint, nint> PyCFunction_NewEx;
    public static delegate* unmanaged<nint, byte*, delegate* unmanaged<nint, void>, nint> PyCapsule_New;
    public static delegate* unmanaged<nint, byte*, nint> PyCapsule_GetPointer;
    public static delegate* unmanaged<byte*, nint, nint, nint> PyErr_NewException;
    public static delegate* unmanaged<nint, int> PyCallable_Check;
    public static nint PyExcRuntimeError;

    private static void LoadCallbacks()
    {
        PyCFunction_NewEx = (delegate* unmanaged<PyMethodDef*, nint, nint, nint>)Require("PyCFunction_NewEx");
        PyCapsule_New = (delegate* unmanaged<nint, byte*, delegate* unmanaged<nint, void>, nint>)Require("PyCapsule_New");
        PyCapsule_GetPointer = (delegate* unmanaged<nint, byte*, nint>)Require("PyCapsule_GetPointer");
        PyErr_NewException = (delegate* unmanaged<byte*, nint, nint, nint>)Require("PyErr_NewException");
        PyCallable_Check = (delegate* unmanaged<nint, int>)Require("PyCallable_Check");
        PyExcRuntimeError = RequirePointerVariable("PyExc_RuntimeError");
    }
}
