using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// One call to a Python callable, built argument by argument with no allocations: arguments are
/// converted straight into a caller-provided span of object pointers and the call uses vectorcall.
/// This is what generated wrappers use; the caller holds the GIL for the whole lifetime and
/// disposes it (which releases any arguments not yet consumed).
/// </summary>
/// <example>
/// <code>
/// using (GIL.Acquire())
/// {
///     using var call = new PyCall(stackalloc nint[PyCall.SlotsFor(2)]);
///     call.Add(IntConverter.Instance, a);
///     call.Add(IntConverter.Instance, b);
///     return call.Invoke(function, IntConverter.Instance, "demo.add");
/// }
/// </code>
/// </example>
public ref struct PyCall
{
    private readonly Span<nint> _slots;
    private int _count;
    private nint _keywords;

    /// <summary>Storage for <paramref name="arguments"/> positional arguments (one extra slot for vectorcall).</summary>
    public static int SlotsFor(int arguments) => arguments + 1;

    /// <summary>Starts a call whose positional arguments will be stored in <paramref name="slots"/> (see <see cref="SlotsFor"/>).</summary>
    public PyCall(Span<nint> slots)
    {
        _slots = slots;
        _count = 0;
        _keywords = 0;
    }

    /// <summary>Appends a positional argument converted with <paramref name="converter"/>.</summary>
    public void Add<T>(PyConverter<T> converter, T value)
    {
        if (_count + 1 >= _slots.Length)
        {
            throw new InvalidOperationException("PyCall has no room for another argument; size its storage with PyCall.SlotsFor.");
        }

        _slots[_count + 1] = converter.ToPythonHandle(value);
        _count++;
    }

    /// <summary>Appends an already converted argument, taking ownership of <paramref name="value"/> (it is emptied).</summary>
    public void AddConverted(PyObject value)
    {
        if (_count + 1 >= _slots.Length)
        {
            value.Dispose();
            throw new InvalidOperationException("PyCall has no room for another argument; size its storage with PyCall.SlotsFor.");
        }

        _slots[_count + 1] = value.DetachHandle();
        _count++;
    }

    /// <summary>Adds an already converted keyword argument; <paramref name="value"/> is disposed.</summary>
    public void AddKeywordConverted(string name, PyObject value)
    {
        using (value)
        {
            SetKeyword(name, value.Handle);
        }
    }

    /// <summary>Appends <c>None</c> as a positional argument.</summary>
    public void AddNone() => Add(PyObjectConverter.Instance, null!);

    /// <summary>Adds <c>None</c> as a keyword argument.</summary>
    public void AddKeywordNone(string name) => AddKeyword(name, PyObjectConverter.Instance, null!);

    /// <summary>Appends positional arguments as they are (the <c>*args</c> of a wrapper); null appends nothing.</summary>
    public void AddRange(PyObject[]? values) => AddRange(values.AsSpan());

    /// <summary>Appends positional arguments as they are (the <c>*args</c> of a wrapper).</summary>
    public void AddRange(scoped ReadOnlySpan<PyObject> values)
    {
        foreach (var value in values)
        {
            Add(PyObjectConverter.Instance, value);
        }
    }

    /// <summary>Adds a keyword argument converted with <paramref name="converter"/>.</summary>
    public unsafe void AddKeyword<T>(string name, PyConverter<T> converter, T value)
    {
        nint item = converter.ToPythonHandle(value);
        try
        {
            SetKeyword(name, item);
        }
        finally
        {
            CPythonApi.Py_DecRef(item);
        }
    }

    /// <summary>Adds keyword arguments as they are (the <c>**kwargs</c> of a wrapper); null adds nothing.</summary>
    public void AddKeywords(IReadOnlyDictionary<string, PyObject>? keywords)
    {
        if (keywords is null)
        {
            return;
        }

        foreach (var (name, value) in keywords)
        {
            SetKeyword(name, value.Handle);
        }
    }

    /// <summary>Calls and converts the result with <paramref name="result"/>; failures name <paramref name="context"/>.</summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    /// <exception cref="InvalidCastException">The result's type contradicts the annotation.</exception>
    public unsafe T Invoke<T>(PyObject callable, PyConverter<T> result, string context)
    {
        nint value = InvokeRaw(callable);
        try
        {
            return result.FromPythonHandle(value);
        }
        catch (InvalidCastException e)
        {
            throw new InvalidCastException($"{context} returned a value that contradicts its annotation: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"{context} returned a value that does not fit: {e.Message}", e);
        }
        finally
        {
            CPythonApi.Py_DecRef(value);
        }
    }

    /// <summary>Calls and discards the result (a function returning <c>None</c>).</summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    public unsafe void Invoke(PyObject callable) => CPythonApi.Py_DecRef(InvokeRaw(callable));

    /// <summary>Calls and returns the result as it is.</summary>
    /// <exception cref="PythonInvocationException">The call raised.</exception>
    public PyObject InvokeObject(PyObject callable) => PyObject.Steal(InvokeRaw(callable));

    /// <summary>Releases arguments and keywords.</summary>
    public unsafe void Dispose()
    {
        for (int i = 1; i <= _count; i++)
        {
            CPythonApi.Py_DecRef(_slots[i]);
        }

        _count = 0;
        if (_keywords != 0)
        {
            CPythonApi.Py_DecRef(_keywords);
            _keywords = 0;
        }
    }

    private unsafe nint InvokeRaw(PyObject callable)
    {
        nint result;
        fixed (nint* slots = _slots)
        {
            nuint nargsf = (nuint)_count | CPythonApi.PyVectorcallArgumentsOffset;
            result = _keywords == 0 && CPythonApi.PyObject_Vectorcall != null
                ? CPythonApi.PyObject_Vectorcall(callable.Handle, slots + 1, nargsf, 0)
                : CPythonApi.PyObject_VectorcallDict(callable.Handle, slots + 1, nargsf, _keywords);
        }

        return result != 0 ? result : throw PythonErrors.FetchAndTranslate();
    }

    private unsafe void SetKeyword(string name, nint value)
    {
        if (_keywords == 0)
        {
            _keywords = CPythonApi.PyDict_New();
            if (_keywords == 0)
            {
                throw PythonErrors.FetchAndTranslate();
            }
        }

        nint key = StrConverter.NewPyString(name);
        int rc = CPythonApi.PyDict_SetItem(_keywords, key, value);
        CPythonApi.Py_DecRef(key);
        if (rc != 0)
        {
            throw PythonErrors.FetchAndTranslate();
        }
    }
}
