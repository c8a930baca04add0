namespace CSnakes.Runtime.Native;

internal static unsafe partial class CPythonApi
{
    public static delegate* unmanaged<nint> PyErr_Occurred;
    public static delegate* unmanaged<void> PyErr_Clear;
    public static delegate* unmanaged<nint*, nint*, nint*, void> PyErr_Fetch;
    public static delegate* unmanaged<nint*, nint*, nint*, void> PyErr_NormalizeException;
    public static delegate* unmanaged<nint, nint, int> PyException_SetTraceback;
    /// <summary>3.12+; null before, where Fetch/Normalize are used.</summary>
    public static delegate* unmanaged<nint> PyErr_GetRaisedException;
    public static delegate* unmanaged<nint, nint, int> PyErr_GivenExceptionMatches;
    public static delegate* unmanaged<nint, byte*, void> PyErr_SetString;

    public static nint PyExcTypeError;
    public static nint PyExcOverflowError;
    public static nint PyExcStopIteration;

    private static void LoadErrors()
    {
        PyErr_Occurred = (delegate* unmanaged<nint>)Require("PyErr_Occurred");
        PyErr_Clear = (delegate* unmanaged<void>)Require("PyErr_Clear");
        PyErr_Fetch = (delegate* unmanaged<nint*, nint*, nint*, void>)Require("PyErr_Fetch");
        PyErr_NormalizeException = (delegate* unmanaged<nint*, nint*, nint*, void>)Require("PyErr_NormalizeException");
        PyException_SetTraceback = (delegate* unmanaged<nint, nint, int>)Require("PyException_SetTraceback");
        PyErr_GetRaisedException = (delegate* unmanaged<nint>)Optional("PyErr_GetRaisedException");
        PyErr_GivenExceptionMatches = (delegate* unmanaged<nint, nint, int>)Require("PyErr_GivenExceptionMatches");
        PyErr_SetString = (delegate* unmanaged<nint, byte*, void>)Require("PyErr_SetString");
        PyExcTypeError = RequirePointerVariable("PyExc_TypeError");
        PyExcOverflowError = RequirePointerVariable("PyExc_OverflowError");
        PyExcStopIteration = RequirePointerVariable("PyExc_StopIteration");
    }
}
