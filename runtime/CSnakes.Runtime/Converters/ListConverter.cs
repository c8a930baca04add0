using System.Collections.ObjectModel;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>list</c> ↔ <see cref="IReadOnlyList{T}"/>. Reading converts every item at once (a tuple
/// is accepted too), so the result never touches Python again; writing accepts any <see cref="IEnumerable{T}"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ListConverter<T> : PyConverter<IReadOnlyList<T>>
{
    private readonly PyConverter<T> _item;

    /// <summary>Creates a list converter from the item converter.</summary>
    public ListConverter(PyConverter<T> item) => _item = item ?? throw new ArgumentNullException(nameof(item));

    /// <summary>Creates a Python list from any sequence.</summary>
    public PyObject ToPython(IEnumerable<T> values)
    {
        using (GIL.Acquire())
        {
            return PyObject.Steal(ToPythonHandle(values));
        }
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(IReadOnlyList<T> value) => ToPythonHandle((IEnumerable<T>)value);

    internal unsafe nint ToPythonHandle(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IReadOnlyList<T> items = values as IReadOnlyList<T> ?? values.ToArray();
        nint list = CPythonApi.PyList_New(items.Count);
        if (list == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                // PyList_SetItem steals the item reference, even on failure.
                if (CPythonApi.LeafListSetNewItem(list, i, _item.ToPythonHandle(items[i])) != 0)
                {
                    throw ConversionErrors.Pending();
                }
            }

            return list;
        }
        catch
        {
            CPythonApi.Py_DecRef(list);
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe IReadOnlyList<T> FromPythonHandle(nint obj)
    {
        bool isList = CPythonApi.IsList(obj);
        if (!isList && !CPythonApi.IsTuple(obj))
        {
            throw ConversionErrors.Expected("list", obj);
        }

        nint count = isList ? CPythonApi.LeafListSize(obj) : CPythonApi.LeafTupleSize(obj);
        if (count < 0)
        {
            throw ConversionErrors.Pending();
        }

        var result = new T[count];
        for (nint i = 0; i < count; i++)
        {
            nint item = isList ? CPythonApi.LeafListGetItem(obj, i) : CPythonApi.LeafTupleGetItem(obj, i);
            if (item == 0)
            {
                // The list shrank while an item converter ran Python code.
                throw ConversionErrors.Pending();
            }

            result[i] = _item.FromPythonHandle(item);
        }

        return new ReadOnlyCollection<T>(result);
    }
}
