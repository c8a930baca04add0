using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>Any Python object ↔ <see cref="PyObject"/> (no conversion; a new reference each way).</summary>
public sealed class PyObjectConverter : PyConverter<PyObject>
{
    /// <summary>The shared instance.</summary>
    public static readonly PyObjectConverter Instance = new();

    private PyObjectConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(PyObject value) =>
        CPythonApi.NewRef(value is null ? CPythonApi.PyNone : value.Handle);

    /// <inheritdoc/>
    protected internal override PyObject FromPythonHandle(nint obj) => PyObject.FromBorrowed(obj);
}
