using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>float</c> ↔ <see cref="double"/>. .NET values always become Python floats (even 0, 1, -1);
/// a Python int is widened, as Python's own typing allows.
/// </summary>
public sealed class FloatConverter : PyConverter<double>
{
    /// <summary>The shared instance.</summary>
    public static readonly FloatConverter Instance = new();

    private FloatConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(double value) => CPythonApi.LeafFloatFromDouble(value);

    /// <inheritdoc/>
    protected internal override unsafe double FromPythonHandle(nint obj)
    {
        if (CPythonApi.TypeOf(obj) == CPythonApi.PyFloatType)
        {
            return CPythonApi.LeafFloatAsDouble(obj);
        }

        if (CPythonApi.IsUnicode(obj) || CPythonApi.IsBytes(obj))
        {
            throw ConversionErrors.Expected("float", obj);
        }

        double value = CPythonApi.IsLong(obj) ? CPythonApi.PyLong_AsDouble(obj) : CPythonApi.PyFloat_AsDouble(obj);
        if (value == -1.0 && CPythonApi.PyErr_Occurred() != 0)
        {
            throw ConversionErrors.FromPendingError("float", obj);
        }

        return value;
    }
}
