using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>list</c> ↔ <see cref="IReadOnlyList{T}"/>. Reading converts every item at once (a tuple
/// is accepted too, and with <c>anySequence</c> whatever Python calls a sequence: a <c>range</c>, a user
/// <c>Sequence</c>), so the result never touches Python again; writing accepts any <see cref="IEnumerable{T}"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ListConverter<T> : PyConverter<IReadOnlyList<T>>
{
    private readonly PyConverter<T> _item;
    private readonly bool _anySequence;
    private readonly bool _anyCollection;

    /// <summary>Creates a list converter from the item converter: it reads a list or a tuple.</summary>
    public ListConverter(PyConverter<T> item)
        : this(item, anySequence: false)
    {
    }

    /// <summary>
    /// Creates a list converter from the item converter; with <paramref name="anySequence"/> (for a
    /// <c>Sequence[T]</c>/<c>Collection[T]</c> annotation) it also reads any other Python sequence.
    /// </summary>
    public ListConverter(PyConverter<T> item, bool anySequence)
        : this(item, anySequence, anyCollection: false)
    {
    }

    /// <summary>
    /// Creates a list converter from the item converter; with <paramref name="anyCollection"/> (for a <c>Collection[T]</c>,
    /// <c>KeysView[T]</c>, <c>ValuesView[T]</c> or <c>ItemsView[K, V]</c> annotation) it reads any iterable collection
    /// once, a <c>set</c> or a dict view included.
    /// </summary>
    public ListConverter(PyConverter<T> item, bool anySequence, bool anyCollection)
    {
        _item = item ?? throw new ArgumentNullException(nameof(item));
        _anySequence = anySequence || anyCollection;
        _anyCollection = anyCollection;
    }

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

    internal nint ToPythonHandle(IEnumerable<T> values) => ToPythonHandle(values, asTuple: false);

    /// <summary>A new list, or with <paramref name="asTuple"/> a new tuple, of <paramref name="values"/>. The caller holds the GIL.</summary>
    internal unsafe nint ToPythonHandle(IEnumerable<T> values, bool asTuple)
    {
        ArgumentNullException.ThrowIfNull(values);
        IReadOnlyList<T> items = values as IReadOnlyList<T> ?? values.ToArray();
        nint sequence = asTuple ? TupleItems.New(items.Count) : CPythonApi.PyList_New(items.Count);
        if (sequence == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                // Both setters steal the item reference, even on failure.
                nint item = _item.ToPythonHandle(items[i]);
                if (asTuple)
                {
                    TupleItems.Set(sequence, i, item);
                }
                else if (CPythonApi.LeafListSetNewItem(sequence, i, item) != 0)
                {
                    throw ConversionErrors.Pending();
                }
            }

            return sequence;
        }
        catch
        {
            CPythonApi.Py_DecRef(sequence);
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

        if (CPythonApi.IsTuple(obj))
        {
            return FromTuple(obj);
        }

        if (!_anySequence || (!_anyCollection && CPythonApi.PySequence_Check(obj) == 0))
        {
            throw ConversionErrors.Expected(_anyCollection ? "collection" : _anySequence ? "sequence" : "list", obj);
        }

        if (_anyCollection)
        {
            // A set or a dict view is a collection but no sequence: what cannot be iterated is refused as not a
            // collection; an error raised while iterating stays Python's.
            nint iterator = CPythonApi.PyObject_GetIter(obj);
            if (iterator == 0)
            {
                CPythonApi.PyErr_Clear();
                throw ConversionErrors.Expected("collection", obj);
            }
            CPythonApi.Py_DecRef(iterator);
        }

        // Any other sequence (range, a user Sequence) or collection: its items once, into a tuple this method owns.
        nint tuple = CPythonApi.PySequence_Tuple(obj);
        if (tuple == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            return FromTuple(tuple);
        }
        finally
        {
            CPythonApi.Py_DecRef(tuple);
        }
    }

    private IReadOnlyList<T> FromTuple(nint obj)
    {
        // A tuple never drops an item and the caller keeps it alive, so its items can be borrowed
        // across the item conversions (which may run Python code): the fast path stays.
        nint count = ContainerItems.TupleSize(obj);
        if (TryReadNumbers(obj, count, isList: false) is { } numbers)
        {
            return numbers;
        }
        var result = ChunkedReadOnlyList<T>.Allocate(count);
        nint i = 0;
        foreach (T[] chunk in result.Chunks)
        {
            for (int j = 0; j < chunk.Length; j++, i++)
            {
                chunk[j] = _item.FromPythonHandle(ContainerItems.TupleItem(obj, i).Handle);
            }
        }

        return result;
    }

    private IReadOnlyList<T> FromList(nint list)
    {
        // Converting an item can run Python code (a property, __getattribute__, a finalizer, another thread
        // taking the GIL) that changes the list and frees items: hold each item while converting it, and
        // fail cleanly when the list's size changed, as Python's own iterators do for dicts and sets.
        nint count = ContainerItems.ListSize(list);
        if (TryReadNumbers(list, count, isList: true) is { } numbers)
        {
            return numbers;
        }
        var result = ChunkedReadOnlyList<T>.Allocate(count);
        nint i = 0;
        foreach (T[] chunk in result.Chunks)
        {
            for (int j = 0; j < chunk.Length; j++, i++)
            {
                using var item = ContainerItems.ListItem(list, i, count);
                chunk[j] = _item.FromPythonHandle(item.Handle);
            }
        }

        ContainerItems.CheckListSize(list, count);
        return result;
    }

    // int and float items of the plain converters: exact ints/floats read without per-item dispatch or references
    // (ExactNumbers); null otherwise. The type tests are constants once the JIT specialises T, so other item types
    // pay nothing.
    private ChunkedReadOnlyList<T>? TryReadNumbers(nint sequence, nint count, bool isList)
    {
        if (typeof(T) == typeof(long) && ReferenceEquals(_item, IntConverter.Instance))
        {
            return (ChunkedReadOnlyList<T>?)(object?)ExactNumbers.TryReadInt64(sequence, count, isList);
        }
        if (typeof(T) == typeof(double) && ReferenceEquals(_item, FloatConverter.Instance))
        {
            return (ChunkedReadOnlyList<T>?)(object?)ExactNumbers.TryReadDouble(sequence, count, isList);
        }
        if (typeof(T) == typeof(string) && ReferenceEquals(_item, StrConverter.Instance))
        {
            return (ChunkedReadOnlyList<T>?)(object?)ExactNumbers.TryReadStrings(sequence, count, isList);
        }
        return null;
    }
}
