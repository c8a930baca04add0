using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>How a Python record class holds its fields.</summary>
public enum RecordShape
{
    /// <summary>A <c>@dataclass</c> or <c>NamedTuple</c>: built with keyword arguments, fields read as attributes.</summary>
    Attributes,

    /// <summary>A <c>TypedDict</c>: a plain <c>dict</c> keyed by field name.</summary>
    Dictionary,
}

/// <summary>
/// A generated C# record ↔ a Python <c>@dataclass</c>, <c>NamedTuple</c> or <c>TypedDict</c>, by value.
/// Generated code supplies the field names and two delegates that convert the fields with their own
/// converters, so no reflection is needed.
/// </summary>
/// <typeparam name="TRecord">The generated record.</typeparam>
public sealed class RecordConverter<TRecord> : PyConverter<TRecord>
{
    private readonly string _module;
    private readonly string _className;
    private readonly RecordShape _shape;
    private readonly string[] _fieldNames;
    private readonly Func<PyObject[], TRecord> _fromFields;
    private readonly Func<TRecord, PyObject[]> _toFields;
    private readonly bool[] _omitWhenNone;

    // The Python class, imported on first use and kept for the life of each interpreter.
    private readonly InterpreterLocal _class = new();

    /// <summary>
    /// The record class <paramref name="className"/> of module <paramref name="module"/> with fields
    /// <paramref name="fieldNames"/>; <paramref name="fromFields"/> builds the record from the field values
    /// (in that order) and <paramref name="toFields"/> converts the record's fields to new Python objects.
    /// </summary>
    public RecordConverter(string module, string className, RecordShape shape, string[] fieldNames,
        Func<PyObject[], TRecord> fromFields, Func<TRecord, PyObject[]> toFields)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(className);
        ArgumentNullException.ThrowIfNull(fieldNames);
        ArgumentNullException.ThrowIfNull(fromFields);
        ArgumentNullException.ThrowIfNull(toFields);
        _module = module;
        _className = className;
        _shape = shape;
        _fieldNames = fieldNames;
        _fromFields = fromFields;
        _toFields = toFields;
        _omitWhenNone = new bool[fieldNames.Length];
    }

    /// <summary>
    /// As the other constructor, for a TypedDict (<see cref="RecordShape.Dictionary"/>) whose keys
    /// <paramref name="omitWhenNone"/> may be missing (<c>NotRequired[T]</c>, <c>total=False</c>): such a
    /// key is left out of the dict when its value converts to <c>None</c>, and a missing one reads as <c>None</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A name in <paramref name="omitWhenNone"/> is not in <paramref name="fieldNames"/>.</exception>
    public RecordConverter(string module, string className, RecordShape shape, string[] fieldNames,
        Func<PyObject[], TRecord> fromFields, Func<TRecord, PyObject[]> toFields, string[] omitWhenNone)
        : this(module, className, shape, fieldNames, fromFields, toFields)
    {
        ArgumentNullException.ThrowIfNull(omitWhenNone);
        foreach (var name in omitWhenNone)
        {
            int index = Array.IndexOf(fieldNames, name);
            if (index < 0)
            {
                throw new ArgumentException($"'{name}' is not a field of {module}.{className}.", nameof(omitWhenNone));
            }
            _omitWhenNone[index] = true;
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(TRecord value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fields = _toFields(value);
        try
        {
            if (_shape == RecordShape.Dictionary)
            {
                nint dict = CPythonApi.PyDict_New();
                if (dict == 0)
                {
                    throw ConversionErrors.Pending();
                }
                for (var i = 0; i < _fieldNames.Length; i++)
                {
                    if (_omitWhenNone[i] && fields[i].IsNone())
                    {
                        continue;
                    }
                    using var key = PyObject.Steal(StrConverter.NewPyString(_fieldNames[i]));
                    if (CPythonApi.PyDict_SetItem(dict, key.Handle, fields[i].Handle) != 0)
                    {
                        CPythonApi.Py_DecRef(dict);
                        throw ConversionErrors.Pending();
                    }
                }
                return dict;
            }
            var kwargs = new KeywordArg[_fieldNames.Length];
            for (var i = 0; i < kwargs.Length; i++)
            {
                kwargs[i] = new KeywordArg(_fieldNames[i], fields[i]);
            }
            using var type = PyObject.FromBorrowed(PythonClass());
            return type.Call([], kwargs).DetachHandle();
        }
        finally
        {
            foreach (var field in fields)
            {
                field.Dispose();
            }
        }
    }

    /// <inheritdoc/>
    protected internal override TRecord FromPythonHandle(nint obj)
    {
        var isDict = _shape == RecordShape.Dictionary;
        if (isDict ? !CPythonApi.IsDict(obj) : !StdlibTypes.IsInstance(obj, PythonClass()))
        {
            var expected = isDict ? $"a dict (TypedDict '{_module}.{_className}')" : $"an instance of '{_module}.{_className}'";
            throw new InvalidCastException($"Expected {expected} but got a Python '{PythonTypeNames.Of(obj)}'.");
        }
        // obj is kept alive by our caller (a list or dict converter holds it as an owned item) while the
        // attribute reads below run Python code; each field is a new reference, owned by a PyObject.
        var fields = new PyObject[_fieldNames.Length];
        try
        {
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = isDict ? GetItem(obj, i) : PyObject.Steal(StdlibTypes.GetAttr(obj, _fieldNames[i]));
            }
            return _fromFields(fields);
        }
        finally
        {
            foreach (var field in fields)
            {
                field?.Dispose();
            }
        }
    }

    private unsafe PyObject GetItem(nint dict, int index)
    {
        string name = _fieldNames[index];
        using var key = PyObject.Steal(StrConverter.NewPyString(name));
        nint item = CPythonApi.PyObject_GetItem(dict, key.Handle);
        if (item == 0)
        {
            CPythonApi.PyErr_Clear();
            if (_omitWhenNone[index])
            {
                return PyObject.None;
            }
            throw new InvalidCastException($"Expected the TypedDict '{_module}.{_className}' but the dict has no key '{name}'.");
        }
        return PyObject.Steal(item);
    }

    // Imported on first use and kept for the interpreter's lifetime; the GIL is held, so no other thread fills it meanwhile.
    private nint PythonClass() => StdlibTypes.Load(ref _class.Value, _module, _className);
}
