using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>Turns the current Python error into a .NET exception. The caller holds the GIL.</summary>
internal static unsafe class PythonErrors
{
    private const int MaxChainDepth = 16;

    /// <summary>Set at start from <see cref="PythonEnvironmentOptions.CaptureExceptionLocals"/>.</summary>
    internal static volatile bool CaptureLocals;

    private static readonly DictConverter<string, PyObject> s_namespace = new(StrConverter.Instance, PyObjectConverter.Instance);

    /// <summary>Takes (and clears) the pending Python exception and translates it.</summary>
    public static Exception FetchAndTranslate()
    {
        nint exception = FetchRaised();
        if (exception == 0)
        {
            return new InvalidOperationException("A Python C API call failed without setting a Python exception.");
        }

        using var owned = PyObject.Steal(exception);
        return Translate(owned, depth: 0);
    }

    /// <summary>Clears the pending Python error, if any.</summary>
    public static void Clear() => CPythonApi.PyErr_Clear();

    private static nint FetchRaised()
    {
        if (CPythonApi.PyErr_GetRaisedException != null)
        {
            return CPythonApi.PyErr_GetRaisedException();
        }

        nint type, value, traceback;
        CPythonApi.PyErr_Fetch(&type, &value, &traceback);
        if (type == 0)
        {
            return 0;
        }

        CPythonApi.PyErr_NormalizeException(&type, &value, &traceback);
        if (traceback != 0 && value != 0)
        {
            CPythonApi.PyException_SetTraceback(value, traceback);
        }

        if (traceback != 0)
        {
            CPythonApi.Py_DecRef(traceback);
        }

        CPythonApi.Py_DecRef(type);
        return value;
    }

    private static Exception Translate(PyObject exception, int depth)
    {
        string typeName = PythonTypeNames.Of(exception.Handle);
        string message = SafeStr(exception);
        string? tracebackText = null;
        List<PythonStackFrame> frames = [];
        try
        {
            (tracebackText, frames) = ReadTraceback(exception);
        }
        catch (Exception)
        {
            CPythonApi.PyErr_Clear();
        }

        IReadOnlyDictionary<string, PyObject>? locals = null, globals = null;
        if (CaptureLocals)
        {
            try
            {
                (locals, globals) = ReadRaisingFrame(exception);
            }
            catch (Exception)
            {
                // Diagnostics only: an exception without its variables is still the exception.
                CPythonApi.PyErr_Clear();
            }
        }

        Exception? inner = null;
        if (depth < MaxChainDepth)
        {
            using PyObject? chained = ChainedException(exception);
            if (chained is not null)
            {
                inner = Translate(chained, depth + 1);
            }
        }

        var details = new PythonExceptionDetails(typeName, message, tracebackText, frames, inner, locals, globals);
        return ExceptionTypeLookup.Create(exception.Handle, details);
    }

    // The innermost traceback entry is the frame that raised. dict(f_locals) copies the names (3.13's f_locals is a
    // write-through proxy, PEP 667); the values are new references, so the frames themselves are not kept alive.
    private static (IReadOnlyDictionary<string, PyObject>?, IReadOnlyDictionary<string, PyObject>?) ReadRaisingFrame(PyObject exception)
    {
        var tb = exception.GetAttr("__traceback__");
        try
        {
            if (tb.IsNone())
            {
                return (null, null);
            }
            while (true)
            {
                var next = tb.GetAttr("tb_next");
                if (next.IsNone())
                {
                    next.Dispose();
                    break;
                }
                tb.Dispose();
                tb = next;
            }
            using var frame = tb.GetAttr("tb_frame");
            using var builtins = PyObject.Steal(CPythonApi.ImportModule("builtins"));
            using var dict = builtins.GetAttr("dict");
            using var frameLocals = frame.GetAttr("f_locals");
            using var localsCopy = dict.Call([frameLocals]);
            using var frameGlobals = frame.GetAttr("f_globals");
            return (s_namespace.FromPython(localsCopy), s_namespace.FromPython(frameGlobals));
        }
        finally
        {
            tb.Dispose();
        }
    }

    private static PyObject? ChainedException(PyObject exception)
    {
        try
        {
            var cause = exception.GetAttr("__cause__");
            if (!cause.IsNone())
            {
                return cause;
            }

            cause.Dispose();
            using var suppress = exception.GetAttr("__suppress_context__");
            if (suppress.IsTruthy())
            {
                return null;
            }

            var context = exception.GetAttr("__context__");
            if (!context.IsNone())
            {
                return context;
            }

            context.Dispose();
            return null;
        }
        catch (PythonInvocationException)
        {
            return null;
        }
    }

    private static (string Text, List<PythonStackFrame> Frames) ReadTraceback(PyObject exception)
    {
        using var tracebackModule = PyObject.Steal(CPythonApi.ImportModule("traceback"));
        using var tb = exception.GetAttr("__traceback__");
        using var type = PyObject.FromBorrowed(CPythonApi.TypeOf(exception.Handle));

        using var formatException = tracebackModule.GetAttr("format_exception");
        using var chain = PyObject.FromBorrowed(CPythonApi.PyFalse);
        using var lines = formatException.Call([type, exception, tb], [new KeywordArg("chain", chain)]);
        var text = string.Concat(new ListConverter<string>(StrConverter.Instance).FromPython(lines));

        var frames = new List<PythonStackFrame>();
        if (!tb.IsNone())
        {
            using var extract = tracebackModule.GetAttr("extract_tb");
            using var summaries = extract.Call([tb]);
            foreach (var summary in summaries.AsEnumerable())
            {
                using (summary)
                {
                    using var filename = summary.GetAttr("filename");
                    using var lineno = summary.GetAttr("lineno");
                    using var name = summary.GetAttr("name");
                    using var line = summary.GetAttr("line");
                    var file = StrConverter.Instance.FromPython(filename);
                    var source = SourceFileMap.ToSource(file);
                    if (source != file)
                    {
                        // The formatted text names the same file: point it at the source too.
                        text = text.Replace($"File \"{file}\"", $"File \"{source}\"", StringComparison.Ordinal);
                    }
                    frames.Add(new PythonStackFrame(
                        source,
                        lineno.IsNone() ? 0 : (int)IntConverter.Instance.FromPython(lineno),
                        StrConverter.Instance.FromPython(name),
                        line.IsNone() ? null : StrConverter.Instance.FromPython(line)));
                }
            }
        }

        return (text, frames);
    }

    private static string SafeStr(PyObject obj)
    {
        nint str = CPythonApi.PyObject_Str(obj.Handle);
        if (str == 0)
        {
            CPythonApi.PyErr_Clear();
            return "<exception str() failed>";
        }

        return StrConverter.FromOwnedHandle(str);
    }
}
