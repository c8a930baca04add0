using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// A variable-length Python <c>tuple[T, ...]</c> ↔ <see cref="IReadOnlyList{T}"/>. Reading accepts a
/// tuple (or a list, like <see cref="ListConverter{T}"/>); writing always builds a tuple, so Python code
/// that hashes or unpacks it sees the type it annotated.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TupleListConverter<T> : PyConverter<IReadOnlyList<T>>
{
    private readonly ListConverter<T> _list;

    /// <summary>Creates the converter from the item converter.</summary>
    public TupleListConverter(PyConverter<T> item)
    {
        _list = new ListConverter<T>(item);
    }

    /// <summary>Creates a Python tuple from any sequence.</summary>
    public PyObject ToPython(IEnumerable<T> values)
    {
        using (GIL.Acquire())
        {
            return PyObject.Steal(ToPythonHandle(values));
        }
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(IReadOnlyList<T> value) => ToPythonHandle((IEnumerable<T>)value);

    internal nint ToPythonHandle(IEnumerable<T> values) => _list.ToPythonHandle(values, asTuple: true);

    /// <inheritdoc/>
    protected internal override IReadOnlyList<T> FromPythonHandle(nint obj)
    {
        if (!CPythonApi.IsTuple(obj) && !CPythonApi.IsList(obj))
        {
            throw ConversionErrors.Expected("tuple", obj);
        }

        return _list.FromPythonHandle(obj);
    }
}
