using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Python's <c>faulthandler</c>, when <see cref="PythonEnvironmentOptions.EnableFaultHandler"/> asks:
/// a fatal signal in native code called from Python prints every Python thread's traceback to
/// standard error before the process dies, which is otherwise just "Segmentation fault".
/// </summary>
/// <remarks>
/// Off by default: its handler is installed over the CLR's, and the CLR turns SIGSEGV/SIGFPE in
/// managed code into NullReferenceException/DivideByZeroException. faulthandler treats every such
/// signal as fatal (dumps, then re-raises without the faulting context), so with it on a .NET null
/// dereference ends the process. There is no order that fixes this from here: the CLR chains to the
/// handler that existed when the runtime started, not to one installed later.
/// </remarks>
internal static class FaultHandler
{
    /// <summary>Enables it on <c>sys.stderr</c> for all threads. The GIL is held.</summary>
    public static void Enable()
    {
        using var faulthandler = PyObject.Steal(CPythonApi.ImportModule("faulthandler"));
        using var enable = faulthandler.GetAttr("enable");
        enable.Call().Dispose();
    }
}
