using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime;

public sealed partial class PyObject
{
    /// <summary>
    /// Converts this object to <typeparamref name="T"/> with the converter from the type mapping
    /// (<c>long</c>, <c>double</c>, <c>string</c>, <c>bool</c>, <c>byte[]</c>, <c>IReadOnlyList&lt;T&gt;</c>,
    /// <c>IReadOnlyDictionary&lt;K,V&gt;</c>, value tuples, <c>T?</c>).
    /// </summary>
    /// <exception cref="InvalidCastException">The Python type does not match.</exception>
    public T As<T>() => ConverterRegistry.Get<T>().FromPython(this);

    /// <summary>Creates a Python object from a .NET value with the converter for <typeparamref name="T"/>.</summary>
    public static PyObject From<T>(T value) => ConverterRegistry.Get<T>().ToPython(value);
}
