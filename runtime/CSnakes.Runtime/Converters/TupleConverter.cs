using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

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

/// <summary>Converts a Python tuple of 1 item ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
public sealed class TupleConverter<T1> : PyConverter<ValueTuple<T1>>, ITupleSliceConverter<ValueTuple<T1>>
{
    private readonly PyConverter<T1> _c1;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
    }

    /// <inheritdoc/>
    public int Arity => 1;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1> ITupleSliceConverter<ValueTuple<T1>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)));

    void ITupleSliceConverter<ValueTuple<T1>>.WriteSlice(nint tuple, int offset, ValueTuple<T1> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
    }
}

/// <summary>Converts a Python tuple of 2 items ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
public sealed class TupleConverter<T1, T2> : PyConverter<ValueTuple<T1, T2>>, ITupleSliceConverter<ValueTuple<T1, T2>>
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
    }

    /// <inheritdoc/>
    public int Arity => 2;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2> ITupleSliceConverter<ValueTuple<T1, T2>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)));

    void ITupleSliceConverter<ValueTuple<T1, T2>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
    }
}

/// <summary>Converts a Python tuple of 3 items ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
/// <typeparam name="T3">Item 3.</typeparam>
public sealed class TupleConverter<T1, T2, T3> : PyConverter<ValueTuple<T1, T2, T3>>, ITupleSliceConverter<ValueTuple<T1, T2, T3>>
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;
    private readonly PyConverter<T3> _c3;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2, PyConverter<T3> item3)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
        _c3 = item3 ?? throw new ArgumentNullException(nameof(item3));
    }

    /// <inheritdoc/>
    public int Arity => 3;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2, T3> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2, T3>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2, T3> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2, T3>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2, T3> ITupleSliceConverter<ValueTuple<T1, T2, T3>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)), _c3.FromPythonHandle(TupleItems.Get(tuple, offset + 2)));

    void ITupleSliceConverter<ValueTuple<T1, T2, T3>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2, T3> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
        TupleItems.Set(tuple, offset + 2, _c3.ToPythonHandle(value.Item3));
    }
}

/// <summary>Converts a Python tuple of 4 items ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
/// <typeparam name="T3">Item 3.</typeparam>
/// <typeparam name="T4">Item 4.</typeparam>
public sealed class TupleConverter<T1, T2, T3, T4> : PyConverter<ValueTuple<T1, T2, T3, T4>>, ITupleSliceConverter<ValueTuple<T1, T2, T3, T4>>
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;
    private readonly PyConverter<T3> _c3;
    private readonly PyConverter<T4> _c4;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2, PyConverter<T3> item3, PyConverter<T4> item4)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
        _c3 = item3 ?? throw new ArgumentNullException(nameof(item3));
        _c4 = item4 ?? throw new ArgumentNullException(nameof(item4));
    }

    /// <inheritdoc/>
    public int Arity => 4;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2, T3, T4> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2, T3, T4> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2, T3, T4> ITupleSliceConverter<ValueTuple<T1, T2, T3, T4>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)), _c3.FromPythonHandle(TupleItems.Get(tuple, offset + 2)), _c4.FromPythonHandle(TupleItems.Get(tuple, offset + 3)));

    void ITupleSliceConverter<ValueTuple<T1, T2, T3, T4>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2, T3, T4> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
        TupleItems.Set(tuple, offset + 2, _c3.ToPythonHandle(value.Item3));
        TupleItems.Set(tuple, offset + 3, _c4.ToPythonHandle(value.Item4));
    }
}

/// <summary>Converts a Python tuple of 5 items ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
/// <typeparam name="T3">Item 3.</typeparam>
/// <typeparam name="T4">Item 4.</typeparam>
/// <typeparam name="T5">Item 5.</typeparam>
public sealed class TupleConverter<T1, T2, T3, T4, T5> : PyConverter<ValueTuple<T1, T2, T3, T4, T5>>, ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5>>
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;
    private readonly PyConverter<T3> _c3;
    private readonly PyConverter<T4> _c4;
    private readonly PyConverter<T5> _c5;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2, PyConverter<T3> item3, PyConverter<T4> item4, PyConverter<T5> item5)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
        _c3 = item3 ?? throw new ArgumentNullException(nameof(item3));
        _c4 = item4 ?? throw new ArgumentNullException(nameof(item4));
        _c5 = item5 ?? throw new ArgumentNullException(nameof(item5));
    }

    /// <inheritdoc/>
    public int Arity => 5;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2, T3, T4, T5> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2, T3, T4, T5> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2, T3, T4, T5> ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)), _c3.FromPythonHandle(TupleItems.Get(tuple, offset + 2)), _c4.FromPythonHandle(TupleItems.Get(tuple, offset + 3)), _c5.FromPythonHandle(TupleItems.Get(tuple, offset + 4)));

    void ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2, T3, T4, T5> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
        TupleItems.Set(tuple, offset + 2, _c3.ToPythonHandle(value.Item3));
        TupleItems.Set(tuple, offset + 3, _c4.ToPythonHandle(value.Item4));
        TupleItems.Set(tuple, offset + 4, _c5.ToPythonHandle(value.Item5));
    }
}

/// <summary>Converts a Python tuple of 6 items ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
/// <typeparam name="T3">Item 3.</typeparam>
/// <typeparam name="T4">Item 4.</typeparam>
/// <typeparam name="T5">Item 5.</typeparam>
/// <typeparam name="T6">Item 6.</typeparam>
public sealed class TupleConverter<T1, T2, T3, T4, T5, T6> : PyConverter<ValueTuple<T1, T2, T3, T4, T5, T6>>, ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6>>
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;
    private readonly PyConverter<T3> _c3;
    private readonly PyConverter<T4> _c4;
    private readonly PyConverter<T5> _c5;
    private readonly PyConverter<T6> _c6;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2, PyConverter<T3> item3, PyConverter<T4> item4, PyConverter<T5> item5, PyConverter<T6> item6)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
        _c3 = item3 ?? throw new ArgumentNullException(nameof(item3));
        _c4 = item4 ?? throw new ArgumentNullException(nameof(item4));
        _c5 = item5 ?? throw new ArgumentNullException(nameof(item5));
        _c6 = item6 ?? throw new ArgumentNullException(nameof(item6));
    }

    /// <inheritdoc/>
    public int Arity => 6;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2, T3, T4, T5, T6> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2, T3, T4, T5, T6> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2, T3, T4, T5, T6> ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)), _c3.FromPythonHandle(TupleItems.Get(tuple, offset + 2)), _c4.FromPythonHandle(TupleItems.Get(tuple, offset + 3)), _c5.FromPythonHandle(TupleItems.Get(tuple, offset + 4)), _c6.FromPythonHandle(TupleItems.Get(tuple, offset + 5)));

    void ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2, T3, T4, T5, T6> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
        TupleItems.Set(tuple, offset + 2, _c3.ToPythonHandle(value.Item3));
        TupleItems.Set(tuple, offset + 3, _c4.ToPythonHandle(value.Item4));
        TupleItems.Set(tuple, offset + 4, _c5.ToPythonHandle(value.Item5));
        TupleItems.Set(tuple, offset + 5, _c6.ToPythonHandle(value.Item6));
    }
}

/// <summary>Converts a Python tuple of 7 items ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
/// <typeparam name="T3">Item 3.</typeparam>
/// <typeparam name="T4">Item 4.</typeparam>
/// <typeparam name="T5">Item 5.</typeparam>
/// <typeparam name="T6">Item 6.</typeparam>
/// <typeparam name="T7">Item 7.</typeparam>
public sealed class TupleConverter<T1, T2, T3, T4, T5, T6, T7> : PyConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>, ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;
    private readonly PyConverter<T3> _c3;
    private readonly PyConverter<T4> _c4;
    private readonly PyConverter<T5> _c5;
    private readonly PyConverter<T6> _c6;
    private readonly PyConverter<T7> _c7;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2, PyConverter<T3> item3, PyConverter<T4> item4, PyConverter<T5> item5, PyConverter<T6> item6, PyConverter<T7> item7)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
        _c3 = item3 ?? throw new ArgumentNullException(nameof(item3));
        _c4 = item4 ?? throw new ArgumentNullException(nameof(item4));
        _c5 = item5 ?? throw new ArgumentNullException(nameof(item5));
        _c6 = item6 ?? throw new ArgumentNullException(nameof(item6));
        _c7 = item7 ?? throw new ArgumentNullException(nameof(item7));
    }

    /// <inheritdoc/>
    public int Arity => 7;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2, T3, T4, T5, T6, T7> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2, T3, T4, T5, T6, T7> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2, T3, T4, T5, T6, T7> ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)), _c3.FromPythonHandle(TupleItems.Get(tuple, offset + 2)), _c4.FromPythonHandle(TupleItems.Get(tuple, offset + 3)), _c5.FromPythonHandle(TupleItems.Get(tuple, offset + 4)), _c6.FromPythonHandle(TupleItems.Get(tuple, offset + 5)), _c7.FromPythonHandle(TupleItems.Get(tuple, offset + 6)));

    void ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2, T3, T4, T5, T6, T7> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
        TupleItems.Set(tuple, offset + 2, _c3.ToPythonHandle(value.Item3));
        TupleItems.Set(tuple, offset + 3, _c4.ToPythonHandle(value.Item4));
        TupleItems.Set(tuple, offset + 4, _c5.ToPythonHandle(value.Item5));
        TupleItems.Set(tuple, offset + 5, _c6.ToPythonHandle(value.Item6));
        TupleItems.Set(tuple, offset + 6, _c7.ToPythonHandle(value.Item7));
    }
}

/// <summary>Converts a Python tuple of 8 or more items (the tail nests in <typeparamref name="TRest"/>, as C# does) ↔ a C# value tuple. A tuple of another length is an <see cref="InvalidCastException"/>.</summary>
/// <typeparam name="T1">Item 1.</typeparam>
/// <typeparam name="T2">Item 2.</typeparam>
/// <typeparam name="T3">Item 3.</typeparam>
/// <typeparam name="T4">Item 4.</typeparam>
/// <typeparam name="T5">Item 5.</typeparam>
/// <typeparam name="T6">Item 6.</typeparam>
/// <typeparam name="T7">Item 7.</typeparam>
/// <typeparam name="TRest">The remaining items, a value tuple.</typeparam>
public sealed class TupleConverter<T1, T2, T3, T4, T5, T6, T7, TRest> : PyConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>, ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>> where TRest : struct
{
    private readonly PyConverter<T1> _c1;
    private readonly PyConverter<T2> _c2;
    private readonly PyConverter<T3> _c3;
    private readonly PyConverter<T4> _c4;
    private readonly PyConverter<T5> _c5;
    private readonly PyConverter<T6> _c6;
    private readonly PyConverter<T7> _c7;
    private readonly ITupleSliceConverter<TRest> _rest;

    /// <summary>Creates the converter from one converter per item.</summary>
    public TupleConverter(PyConverter<T1> item1, PyConverter<T2> item2, PyConverter<T3> item3, PyConverter<T4> item4, PyConverter<T5> item5, PyConverter<T6> item6, PyConverter<T7> item7, ITupleSliceConverter<TRest> rest)
    {
        _c1 = item1 ?? throw new ArgumentNullException(nameof(item1));
        _c2 = item2 ?? throw new ArgumentNullException(nameof(item2));
        _c3 = item3 ?? throw new ArgumentNullException(nameof(item3));
        _c4 = item4 ?? throw new ArgumentNullException(nameof(item4));
        _c5 = item5 ?? throw new ArgumentNullException(nameof(item5));
        _c6 = item6 ?? throw new ArgumentNullException(nameof(item6));
        _c7 = item7 ?? throw new ArgumentNullException(nameof(item7));
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
    }

    /// <inheritdoc/>
    public int Arity => 7 + _rest.Arity;

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> value)
    {
        nint tuple = TupleItems.New(Arity);
        try
        {
            ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>)this).WriteSlice(tuple, 0, value);
            return tuple;
        }
        catch
        {
            unsafe { CPythonApi.Py_DecRef(tuple); }
            throw;
        }
    }

    /// <inheritdoc/>
    protected internal override ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> FromPythonHandle(nint obj)
    {
        TupleItems.CheckShape(obj, Arity);
        return ((ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>)this).ReadSlice(obj, 0);
    }

    ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>.ReadSlice(nint tuple, int offset) =>
        new(_c1.FromPythonHandle(TupleItems.Get(tuple, offset + 0)), _c2.FromPythonHandle(TupleItems.Get(tuple, offset + 1)), _c3.FromPythonHandle(TupleItems.Get(tuple, offset + 2)), _c4.FromPythonHandle(TupleItems.Get(tuple, offset + 3)), _c5.FromPythonHandle(TupleItems.Get(tuple, offset + 4)), _c6.FromPythonHandle(TupleItems.Get(tuple, offset + 5)), _c7.FromPythonHandle(TupleItems.Get(tuple, offset + 6)), _rest.ReadSlice(tuple, offset + 7));

    void ITupleSliceConverter<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>>.WriteSlice(nint tuple, int offset, ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> value)
    {
        TupleItems.Set(tuple, offset + 0, _c1.ToPythonHandle(value.Item1));
        TupleItems.Set(tuple, offset + 1, _c2.ToPythonHandle(value.Item2));
        TupleItems.Set(tuple, offset + 2, _c3.ToPythonHandle(value.Item3));
        TupleItems.Set(tuple, offset + 3, _c4.ToPythonHandle(value.Item4));
        TupleItems.Set(tuple, offset + 4, _c5.ToPythonHandle(value.Item5));
        TupleItems.Set(tuple, offset + 5, _c6.ToPythonHandle(value.Item6));
        TupleItems.Set(tuple, offset + 6, _c7.ToPythonHandle(value.Item7));
        _rest.WriteSlice(tuple, offset + 7, value.Rest);
    }
}
