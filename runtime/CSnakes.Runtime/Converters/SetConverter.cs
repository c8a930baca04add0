using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>set</c>/<c>frozenset</c> ↔ <see cref="IReadOnlySet{T}"/>, converted eagerly. Reading
/// accepts either kind; writing builds a <c>set</c>, or a <c>frozenset</c> when the converter was
/// created for one (a <c>frozenset[T]</c> annotation), so Python code can hash it.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SetConverter<T> : PyConverter<IReadOnlySet<T>>
{
    private readonly PyConverter<T> _item;
    private readonly ListConverter<T> _list;
    private readonly bool _frozen;

    /// <summary>Creates a converter that writes a Python <c>set</c>.</summary>
    public SetConverter(PyConverter<T> item)
        : this(item, frozen: false)
    {
    }

    /// <summary>Creates a converter that writes a <c>frozenset</c> when <paramref name="frozen"/> is true.</summary>
    public SetConverter(PyConverter<T> item, bool frozen)
    {
        _item = item ?? throw new ArgumentNullException(nameof(item));
        _list = new ListConverter<T>(item);
        _frozen = frozen;
    }

    /// <summary>Creates a Python set from any sequence (duplicates collapse as Python sees them).</summary>
    public PyObject ToPython(IEnumerable<T> values)
    {
        using (GIL.Acquire())
        {
            return PyObject.Steal(ToPythonHandle(values));
        }
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(IReadOnlySet<T> value) => ToPythonHandle((IEnumerable<T>)value);

    internal unsafe nint ToPythonHandle(IEnumerable<T> values)
    {
        // Build a list, then let set()/frozenset() hash it: the C set API is not in the loaded table.
        nint list = _list.ToPythonHandle(values);
        try
        {
            return BuiltinTypes.CallOne(_frozen ? BuiltinTypes.FrozenSet : BuiltinTypes.Set, list);
        }
        finally
        {
            CPythonApi.Py_DecRef(list);
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe IReadOnlySet<T> FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, BuiltinTypes.Set) && !StdlibTypes.IsInstance(obj, BuiltinTypes.FrozenSet))
        {
            throw ConversionErrors.Expected(_frozen ? "frozenset" : "set", obj);
        }

        nint iterator = CPythonApi.PyObject_GetIter(obj);
        if (iterator == 0)
        {
            throw ConversionErrors.Pending();
        }

        var result = new HashSet<T>();
        try
        {
            // PyIter_Next returns a new reference, so the item outlives whatever its conversion does to the set.
            nint item;
            while ((item = CPythonApi.PyIter_Next(iterator)) != 0)
            {
                try
                {
                    result.Add(_item.FromPythonHandle(item));
                }
                finally
                {
                    CPythonApi.Py_DecRef(item);
                }
            }

            if (CPythonApi.PyErr_Occurred() != 0)
            {
                // The set changed size while an item converter ran Python code.
                throw ConversionErrors.Pending();
            }
        }
        finally
        {
            CPythonApi.Py_DecRef(iterator);
        }

        return result;
    }
}
