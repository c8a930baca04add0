using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

public sealed partial class PyObject
{
    private const int StackArgumentLimit = 16;

    /// <summary>Calls the object with no arguments.</summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    public unsafe PyObject Call()
    {
        using (GIL.Acquire())
        {
            return Steal(CPythonApi.PyObject_CallNoArgs(Handle));
        }
    }

    /// <summary>Calls the object with positional arguments (vectorcall; the arguments stay owned by the caller).</summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    public PyObject Call(ReadOnlySpan<PyObject> args) => Call(args, [], null);

    /// <summary>Calls the object with positional and keyword arguments.</summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    public PyObject Call(ReadOnlySpan<PyObject> args, ReadOnlySpan<KeywordArg> kwargs) => Call(args, kwargs, null);

    /// <summary>
    /// Calls the object with positional arguments, keyword arguments and a dictionary of further
    /// keyword arguments (what a <c>**kwargs</c> parameter receives).
    /// </summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    public unsafe PyObject Call(ReadOnlySpan<PyObject> args, ReadOnlySpan<KeywordArg> kwargs, IReadOnlyDictionary<string, PyObject>? extraKwargs)
    {
        using (GIL.Acquire())
        {
            int count = args.Length;
            // Slot 0 is scratch space for the callee (PY_VECTORCALL_ARGUMENTS_OFFSET).
            nint[]? rented = null;
            Span<nint> slots = count + 1 <= StackArgumentLimit
                ? stackalloc nint[StackArgumentLimit]
                : (rented = new nint[count + 1]);
            for (int i = 0; i < count; i++)
            {
                slots[i + 1] = args[i].Handle;
            }

            nint kwDict = 0;
            try
            {
                if (kwargs.Length > 0 || extraKwargs is { Count: > 0 })
                {
                    kwDict = BuildKeywordDict(kwargs, extraKwargs);
                }

                fixed (nint* p = slots)
                {
                    nuint nargsf = (nuint)count | CPythonApi.PyVectorcallArgumentsOffset;
                    nint result = kwDict == 0 && CPythonApi.PyObject_Vectorcall != null
                        ? CPythonApi.PyObject_Vectorcall(Handle, p + 1, nargsf, 0)
                        : CPythonApi.PyObject_VectorcallDict(Handle, p + 1, nargsf, kwDict);
                    return Steal(result);
                }
            }
            finally
            {
                if (kwDict != 0)
                {
                    CPythonApi.Py_DecRef(kwDict);
                }
            }
        }
    }

    private static unsafe nint BuildKeywordDict(ReadOnlySpan<KeywordArg> kwargs, IReadOnlyDictionary<string, PyObject>? extraKwargs)
    {
        nint dict = CPythonApi.PyDict_New();
        if (dict == 0)
        {
            throw PythonErrors.FetchAndTranslate();
        }

        try
        {
            foreach (var kw in kwargs)
            {
                SetKeyword(dict, kw.Name, kw.Value);
            }

            if (extraKwargs is not null)
            {
                foreach (var (name, value) in extraKwargs)
                {
                    SetKeyword(dict, name, value);
                }
            }

            return dict;
        }
        catch
        {
            CPythonApi.Py_DecRef(dict);
            throw;
        }
    }

    private static unsafe void SetKeyword(nint dict, string name, PyObject value)
    {
        nint key = StrConverter.NewPyString(name);
        int rc = CPythonApi.PyDict_SetItem(dict, key, value.Handle);
        CPythonApi.Py_DecRef(key);
        if (rc != 0)
        {
            throw PythonErrors.FetchAndTranslate();
        }
    }
}
