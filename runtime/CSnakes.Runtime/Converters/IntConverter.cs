using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>Python <c>int</c> ↔ <see cref="long"/>. Values beyond 64 bits raise <see cref="OverflowException"/> with the value.</summary>
public sealed class IntConverter : PyConverter<long>
{
    /// <summary>The shared instance.</summary>
    public static readonly IntConverter Instance = new();

    private IntConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(long value) => CPythonApi.LeafLongFromLongLong(value);

    /// <inheritdoc/>
    protected internal override unsafe long FromPythonHandle(nint obj)
    {
        bool isInt = CPythonApi.IsLong(obj);
        // A float has __int__ but is not an int: refuse it rather than truncate.
        if (!isInt && CPythonApi.IsFloat(obj))
        {
            throw ConversionErrors.Expected("int", obj);
        }

        int overflow;
        // A real int needs no Python code; anything else may run __index__.
        long value = isInt
            ? CPythonApi.LeafLongAsLongLongAndOverflow(obj, &overflow)
            : CPythonApi.PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (overflow != 0)
        {
            throw new OverflowException($"The Python int {SafeRepr(obj)} does not fit in a 64-bit long (Int64).");
        }

        if (value == -1 && CPythonApi.PyErr_Occurred() != 0)
        {
            throw ConversionErrors.FromPendingError("int", obj);
        }

        return value;
    }

    private static unsafe string SafeRepr(nint obj)
    {
        nint repr = CPythonApi.PyObject_Repr(obj);
        if (repr == 0)
        {
            CPythonApi.PyErr_Clear();
            return "(unprintable)";
        }

        string text = StrConverter.FromOwnedHandle(repr);
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
