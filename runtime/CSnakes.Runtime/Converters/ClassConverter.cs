using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// A generated C# wrapper class ↔ an instance of a Python class, by reference: the wrapper holds the
/// Python object itself, so Python sees the very instance it made. Generated code supplies two delegates
/// (wrap a new reference, read the held object), so no reflection is needed.
/// </summary>
/// <typeparam name="TWrapper">The generated wrapper class.</typeparam>
public sealed class ClassConverter<TWrapper> : PyConverter<TWrapper>
    where TWrapper : class
{
    private readonly string _module;
    private readonly string _className;
    private readonly Func<PyObject, TWrapper> _wrap;
    private readonly Func<TWrapper, PyObject> _unwrap;

    // The Python class, imported on first use and kept for the life of each interpreter.
    private readonly InterpreterLocal _class = new();

    /// <summary>
    /// The class <paramref name="className"/> of module <paramref name="module"/>; <paramref name="wrap"/>
    /// makes a wrapper that owns the object it is given, <paramref name="unwrap"/> returns the object a
    /// wrapper holds (not a new reference).
    /// </summary>
    public ClassConverter(string module, string className, Func<PyObject, TWrapper> wrap, Func<TWrapper, PyObject> unwrap)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(wrap);
        ArgumentNullException.ThrowIfNull(unwrap);
        _module = module;
        _className = className;
        _wrap = wrap;
        _unwrap = unwrap;
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(TWrapper value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Handle throws ObjectDisposedException for a disposed wrapper.
        nint handle = _unwrap(value).Handle;
        CPythonApi.Py_IncRef(handle);
        return handle;
    }

    /// <inheritdoc/>
    protected internal override TWrapper FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, PythonClass()))
        {
            throw new InvalidCastException($"Expected an instance of '{_module}.{_className}' but got a Python '{PythonTypeNames.Of(obj)}'.");
        }
        return _wrap(PyObject.FromBorrowed(obj));
    }

    // Imported on first use and kept for the interpreter's lifetime; the GIL is held, so no other thread fills it meanwhile.
    private nint PythonClass() => StdlibTypes.Load(ref _class.Value, _module, _className);
}
