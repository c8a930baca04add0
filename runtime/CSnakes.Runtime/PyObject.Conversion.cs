using System.Diagnostics.CodeAnalysis;
using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime;

public sealed partial class PyObject
{
    /// <summary>
    /// Converts this object to <typeparamref name="T"/> with the converter from the type mapping
    /// (<c>long</c>, <c>double</c>, <c>string</c>, <c>bool</c>, <c>byte[]</c>, <c>IReadOnlyList&lt;T&gt;</c>,
    /// <c>IReadOnlyDictionary&lt;K,V&gt;</c>, value tuples, <c>T?</c>).
    /// </summary>
    /// <remarks>Finds the converter by reflection; under Native AOT use <see cref="As{T}(PyConverter{T})"/>.</remarks>
    /// <exception cref="InvalidCastException">The Python type does not match.</exception>
    [RequiresDynamicCode(ConverterRegistry.DynamicCodeMessage)]
    [RequiresUnreferencedCode(ConverterRegistry.UnreferencedCodeMessage)]
    public T As<T>() => ConverterRegistry.Get<T>().FromPython(this);

    /// <summary>
    /// Converts this object to <typeparamref name="T"/> with <paramref name="converter"/>, e.g.
    /// <c>o.As(new ListConverter&lt;long&gt;(IntConverter.Instance))</c>. No reflection: safe under Native AOT.
    /// </summary>
    /// <exception cref="InvalidCastException">The Python type does not match.</exception>
    public T As<T>(PyConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.FromPython(this);
    }

    /// <summary>Creates a Python object from a .NET value with the converter for <typeparamref name="T"/>.</summary>
    /// <remarks>Finds the converter by reflection; under Native AOT use <see cref="From{T}(T, PyConverter{T})"/>.</remarks>
    [RequiresDynamicCode(ConverterRegistry.DynamicCodeMessage)]
    [RequiresUnreferencedCode(ConverterRegistry.UnreferencedCodeMessage)]
    public static PyObject From<T>(T value) => ConverterRegistry.Get<T>().ToPython(value);

    // The common scalars by name: C# prefers these to From<T> for the same argument type, so PyObject.From("x")
    // or From(1L) needs no converter lookup and stays safe under Native AOT.

    /// <summary>Creates a Python <c>str</c>.</summary>
    public static PyObject From(string value) => StrConverter.Instance.ToPython(value);

    /// <summary>Creates a Python <c>int</c>.</summary>
    public static PyObject From(long value) => IntConverter.Instance.ToPython(value);

    /// <summary>Creates a Python <c>float</c>.</summary>
    public static PyObject From(double value) => FloatConverter.Instance.ToPython(value);

    /// <summary>Creates a Python <c>bool</c>.</summary>
    public static PyObject From(bool value) => BoolConverter.Instance.ToPython(value);

    /// <summary>
    /// Creates a Python object from a .NET value with <paramref name="converter"/>, e.g.
    /// <c>PyObject.From(list, new ListConverter&lt;long&gt;(IntConverter.Instance))</c>. No reflection: safe under Native AOT.
    /// </summary>
    public static PyObject From<T>(T value, PyConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        return converter.ToPython(value);
    }
}
