using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

// The hand-written half of the tuple converters: the per-arity TupleConverter<T1…> classes are
// generated into TupleConverter.g.cs (eng/gen/Arity.cs) and do their work through TupleItems.

/// <summary>
/// Reads or writes a run of items of a Python tuple. Lets a tuple converter for 8 or more items
/// delegate its tail (<c>TRest</c>) to another tuple converter, as C# value tuples nest.
/// </summary>
/// <typeparam name="T">A value tuple type.</typeparam>
public interface ITupleSliceConverter<T>
{
    /// <summary>How many Python items the slice spans.</summary>
    int Arity { get; }

    /// <summary>Reads items from <paramref name="offset"/>. The caller holds the GIL.</summary>
    internal T ReadSlice(nint tuple, int offset);

    /// <summary>Writes items from <paramref name="offset"/> (stealing into the tuple). The caller holds the GIL.</summary>
    internal void WriteSlice(nint tuple, int offset, T value);
}

/// <summary>Shared tuple plumbing. The caller holds the GIL.</summary>
internal static class TupleItems
{
    public static unsafe nint New(int arity)
    {
        nint tuple = CPythonApi.PyTuple_New(arity);
        return tuple != 0 ? tuple : throw ConversionErrors.Pending();
    }

    public static unsafe void Set(nint tuple, int index, nint item)
    {
        // PyTuple_SetItem steals the item, even on failure.
        if (CPythonApi.PyTuple_SetItem(tuple, index, item) != 0)
        {
            throw ConversionErrors.Pending();
        }
    }

    /// <summary>
    /// Item <paramref name="index"/> (in range: <see cref="CheckShape"/> ran), borrowed. Safe across the item
    /// converters, which may run Python code: the caller of <c>FromPythonHandle</c> keeps the tuple alive
    /// (a list or dict converter holds it as an owned item), and a tuple never drops an item.
    /// </summary>
    public static nint Get(nint tuple, int index) => ContainerItems.TupleItem(tuple, index).Handle;

    /// <summary>The <c>ToPythonHandle</c> of every tuple converter: a new tuple of <paramref name="value"/>'s items.</summary>
    public static unsafe nint ToPython<T>(ITupleSliceConverter<T> converter, T value)
    {
        nint tuple = New(converter.Arity);
        try
        {
            converter.WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            CPythonApi.Py_DecRef(tuple);
            throw;
        }
    }

    /// <summary>The <c>FromPythonHandle</c> of every tuple converter: a tuple of exactly the converter's arity.</summary>
    public static T FromPython<T>(ITupleSliceConverter<T> converter, nint obj)
    {
        CheckShape(obj, converter.Arity);
        return converter.ReadSlice(obj, 0);
    }

    public static unsafe void CheckShape(nint obj, int arity)
    {
        if (!CPythonApi.IsTuple(obj))
        {
            throw ConversionErrors.Expected($"tuple of {arity} items", obj);
        }

        nint size = CPythonApi.PyTuple_Size(obj);
        if (size != arity)
        {
            throw new InvalidCastException($"Expected a Python tuple of {arity} items but got one of {size}.");
        }
    }
}
