using CSnakes.Runtime.Iterators;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// <c>Iterable[T]</c> / <c>Iterator[T]</c> ↔ <see cref="IEnumerable{T}"/>. Reading is lazy: items are
/// fetched and converted one at a time while enumerating, taking the GIL per item. Writing sends a
/// Python <c>list</c> (for <c>Iterable</c>) or an iterator over one (for <c>Iterator</c>).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class IterableConverter<T> : PyConverter<IEnumerable<T>>
{
    private readonly PyConverter<T> _item;
    private readonly ListConverter<T> _list;
    private readonly bool _iterator;
    private readonly string? _context;

    /// <summary>Creates a converter that writes a list.</summary>
    public IterableConverter(PyConverter<T> item)
        : this(item, iterator: false, context: null)
    {
    }

    /// <summary>
    /// Creates a converter; <paramref name="iterator"/> makes it write <c>iter(list)</c>, and
    /// <paramref name="context"/> (e.g. <c>module.function</c>) prefixes item conversion errors.
    /// </summary>
    public IterableConverter(PyConverter<T> item, bool iterator, string? context)
    {
        _item = item ?? throw new ArgumentNullException(nameof(item));
        _list = new ListConverter<T>(item);
        _iterator = iterator;
        _context = context;
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(IEnumerable<T> value)
    {
        nint list = _list.ToPythonHandle(value);
        if (!_iterator)
        {
            return list;
        }

        try
        {
            nint iterator = CPythonApi.PyObject_GetIter(list);
            return iterator != 0 ? iterator : throw ConversionErrors.Pending();
        }
        finally
        {
            CPythonApi.Py_DecRef(list);
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe IEnumerable<T> FromPythonHandle(nint obj)
    {
        // Check up front that it is iterable at all, so a lie is reported by the call, not later.
        nint probe = CPythonApi.PyObject_GetIter(obj);
        if (probe == 0)
        {
            throw ConversionErrors.FromPendingError(_iterator ? "iterator" : "iterable", obj);
        }

        CPythonApi.Py_DecRef(probe);
        return new PyEnumerable<T>(PyObject.FromBorrowed(obj), _item, _context);
    }
}
