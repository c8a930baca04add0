namespace CSnakes.Runtime.Native;

internal static unsafe partial class CPythonApi
{
    public static delegate* unmanaged<nint, void> PyPreConfig_InitIsolatedConfig;
    public static delegate* unmanaged<nint, PyStatus> Py_PreInitialize;
    public static delegate* unmanaged<nint, void> PyConfig_InitIsolatedConfig;
    public static delegate* unmanaged<nint, nint, nint, PyStatus> PyConfig_SetBytesArgv;
    public static delegate* unmanaged<nint, nint, nint, PyStatus> PyConfig_SetBytesString;
    public static delegate* unmanaged<nint, PyStatus> Py_InitializeFromConfig;
    public static delegate* unmanaged<nint, void> PyConfig_Clear;
    public static delegate* unmanaged<int> Py_FinalizeEx;
    public static delegate* unmanaged<int> Py_IsInitialized;

    // Thread states. PyThreadState_New and PyThreadState_Delete do not need the GIL.
    public static delegate* unmanaged<nint> PyEval_SaveThread;
    public static delegate* unmanaged<nint, void> PyEval_RestoreThread;
    public static delegate* unmanaged<nint> PyInterpreterState_Main;
    public static delegate* unmanaged<nint, nint> PyThreadState_New;
    public static delegate* unmanaged<nint, void> PyThreadState_Clear;
    public static delegate* unmanaged<nint, void> PyThreadState_Delete;
    public static delegate* unmanaged<int> PyGILState_Check;
    public static delegate* unmanaged<int> PyGILState_Ensure;
    public static delegate* unmanaged<int, void> PyGILState_Release;
    public static delegate* unmanaged<nint> PyThreadState_Get;

    private static void LoadLifecycle()
    {
        PyPreConfig_InitIsolatedConfig = (delegate* unmanaged<nint, void>)Require("PyPreConfig_InitIsolatedConfig");
        Py_PreInitialize = (delegate* unmanaged<nint, PyStatus>)Require("Py_PreInitialize");
        PyConfig_InitIsolatedConfig = (delegate* unmanaged<nint, void>)Require("PyConfig_InitIsolatedConfig");
        PyConfig_SetBytesArgv = (delegate* unmanaged<nint, nint, nint, PyStatus>)Require("PyConfig_SetBytesArgv");
        PyConfig_SetBytesString = (delegate* unmanaged<nint, nint, nint, PyStatus>)Require("PyConfig_SetBytesString");
        Py_InitializeFromConfig = (delegate* unmanaged<nint, PyStatus>)Require("Py_InitializeFromConfig");
        PyConfig_Clear = (delegate* unmanaged<nint, void>)Require("PyConfig_Clear");
        Py_FinalizeEx = (delegate* unmanaged<int>)Require("Py_FinalizeEx");
        Py_IsInitialized = (delegate* unmanaged<int>)Require("Py_IsInitialized");
        PyEval_SaveThread = (delegate* unmanaged<nint>)Require("PyEval_SaveThread");
        PyEval_RestoreThread = (delegate* unmanaged<nint, void>)Require("PyEval_RestoreThread");
        PyInterpreterState_Main = (delegate* unmanaged<nint>)Require("PyInterpreterState_Main");
        PyThreadState_New = (delegate* unmanaged<nint, nint>)Require("PyThreadState_New");
        PyThreadState_Clear = (delegate* unmanaged<nint, void>)Require("PyThreadState_Clear");
        PyThreadState_Delete = (delegate* unmanaged<nint, void>)Require("PyThreadState_Delete");
        PyGILState_Check = (delegate* unmanaged<int>)Require("PyGILState_Check");
        PyGILState_Ensure = (delegate* unmanaged<int>)Require("PyGILState_Ensure");
        PyGILState_Release = (delegate* unmanaged<int, void>)Require("PyGILState_Release");
        PyThreadState_Get = (delegate* unmanaged<nint>)Require("PyThreadState_Get");
    }
}
