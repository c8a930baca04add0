using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Callbacks;

/// <summary>
/// Turns a .NET exception thrown inside a callback into a pending Python exception. The caller holds
/// the GIL and must not throw afterwards.
/// </summary>
/// <remarks>
/// Argument errors become <c>TypeError</c>. Any other exception becomes <c>csnakes.DotNetError</c>, a
/// subclass of <c>RuntimeError</c> (so <c>except RuntimeError</c> catches it), with the message
/// <c>"&lt;full .NET type name&gt;: &lt;message&gt;"</c>.
/// </remarks>
internal static unsafe class PythonCallbackErrors
{
    private static readonly InterpreterLocal s_dotNetError = new();

    public static void Raise(Exception exception)
    {
        try
        {
            if (exception is CallbackArgumentException)
            {
                SetString(CPythonApi.PyExcTypeError, exception.Message);
                return;
            }

            SetString(DotNetErrorType(), $"{exception.GetType().FullName}: {exception.Message}");
        }
        catch (Exception)
        {
            // Out of memory or similar while reporting: fall back to a message that needs no allocation.
            fixed (byte* p = "a .NET callback failed\0"u8)
            {
                CPythonApi.PyErr_SetString(CPythonApi.PyExcRuntimeError, p);
            }
        }
    }

    /// <summary>The <c>csnakes.DotNetError</c> class, made on first use and kept for the life of each interpreter.</summary>
    public static nint DotNetErrorType()
    {
        ref nint cache = ref s_dotNetError.Value;
        nint type = Volatile.Read(ref cache);
        if (type != 0)
        {
            return type;
        }

        fixed (byte* name = "csnakes.DotNetError\0"u8)
        {
            type = CPythonApi.PyErr_NewException(name, CPythonApi.PyExcRuntimeError, 0);
        }

        if (type == 0)
        {
            CPythonApi.PyErr_Clear();
            return CPythonApi.PyExcRuntimeError;
        }

        nint existing = Interlocked.CompareExchange(ref cache, type, 0);
        if (existing != 0)
        {
            CPythonApi.Py_DecRef(type);
            return existing;
        }

        return type;
    }

    private static void SetString(nint type, string message)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(message.Replace('\0', ' ') + "\0");
        fixed (byte* p = utf8)
        {
            CPythonApi.PyErr_SetString(type, p);
        }
    }
}
