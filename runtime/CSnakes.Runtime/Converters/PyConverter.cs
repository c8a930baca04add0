namespace CSnakes.Runtime.Converters;

/// <summary>
/// Converts between one .NET type and one Python type. Instances are immutable and thread-safe;
/// generated code keeps them in static fields and calls them with no reflection.
/// </summary>
/// <typeparam name="T">The .NET type.</typeparam>
public abstract class PyConverter<T>
{
    /// <summary>Creates a new Python object for <paramref name="value"/>.</summary>
    public PyObject ToPython(T value)
    {
        using (GIL.Acquire())
        {
            return PyObject.Steal(ToPythonHandle(value));
        }
    }

    /// <summary>Converts a Python object to <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidCastException">The object's Python type does not match; the message names both types.</exception>
    /// <exception cref="OverflowException">A number does not fit in <typeparamref name="T"/>.</exception>
    public T FromPython(PyObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using (GIL.Acquire())
        {
            return FromPythonHandle(value.Handle);
        }
    }

    /// <summary>
    /// Converts a Python object to <typeparamref name="T"/>; a failure's message starts with
    /// <paramref name="context"/> (generated code passes the Python function, e.g. <c>forecast.predict</c>).
    /// </summary>
    public T FromPython(PyObject value, string context)
    {
        try
        {
            return FromPython(value);
        }
        catch (InvalidCastException e)
        {
            throw new InvalidCastException($"{context} returned a value that contradicts its annotation: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"{context} returned a value that does not fit: {e.Message}", e);
        }
    }

    /// <summary>Returns a new reference. The caller holds the GIL.</summary>
    protected internal abstract nint ToPythonHandle(T value);

    /// <summary>
    /// Reads a borrowed reference. The caller holds the GIL and keeps <paramref name="obj"/> alive for the
    /// whole call (it owns a reference, or <paramref name="obj"/> is an item of a tuple it keeps alive), because
    /// a conversion may run Python code. An implementation must not pass on a pointer it merely borrows
    /// from a mutable container (list, dict, an object's attributes) across anything that can run Python
    /// code: it takes its own reference first (see <c>Native/ContainerItems</c>).
    /// </summary>
    protected internal abstract T FromPythonHandle(nint obj);
}
