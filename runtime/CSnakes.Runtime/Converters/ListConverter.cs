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
    /// <exception cref="InvalidOperationException">A list changed size while its items were converted.</exception>
    protected internal override unsafe IReadOnlyList<T> FromPythonHandle(nint obj)
    {
        if (CPythonApi.IsList(obj))
        {
            return FromList(obj);
        }

        if (!CPythonApi.IsTuple(obj))
        {
            throw ConversionErrors.Expected("list", obj);
        }

        // A tuple never drops an item and the caller keeps it alive, so its items can be borrowed
        // across the item conversions (which may run Python code): the fast path stays.
        nint count = ContainerItems.TupleSize(obj);
        var result = new T[count];
        for (nint i = 0; i < count; i++)
        {
            result[i] = _item.FromPythonHandle(ContainerItems.TupleItem(obj, i).Handle);
        }

        return new ReadOnlyCollection<T>(result);
    }

    private IReadOnlyList<T> FromList(nint list)
    {
        // Converting an item can run Python code (a property, __getattribute__, a finalizer, another thread
        // taking the GIL) that changes the list and frees items: hold each item while converting it, and
        // fail cleanly when the list's size changed, as Python's own iterators do for dicts and sets.
        nint count = ContainerItems.ListSize(list);
        var result = new T[count];
        for (nint i = 0; i < count; i++)
        {
            using var item = ContainerItems.ListItem(list, i, count);
            result[i] = _item.FromPythonHandle(item.Handle);
        }

        ContainerItems.CheckListSize(list, count);
        return new ReadOnlyCollection<T>(result);
    }
}
