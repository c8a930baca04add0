using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>Python <c>bytes</c> ↔ <see cref="byte"/>[] (copied: Python bytes are immutable and .NET arrays are not).</summary>
public sealed class BytesConverter : PyConverter<byte[]>
{
    /// <summary>The shared instance.</summary>
    public static readonly BytesConverter Instance = new();

    private BytesConverter()
    {
    }

    /// <summary>Creates Python bytes from any span of bytes (e.g. a <see cref="ReadOnlyMemory{T}"/>'s span).</summary>
    public unsafe PyObject ToPython(ReadOnlySpan<byte> value)
    {
        using (GIL.Acquire())
        {
            fixed (byte* p = value)
            {
                return PyObject.Steal(CPythonApi.PyBytes_FromStringAndSize(p, value.Length));
            }
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        fixed (byte* p = value)
        {
            nint bytes = CPythonApi.PyBytes_FromStringAndSize(p, value.Length);
            return bytes != 0 ? bytes : throw ConversionErrors.Pending();
        }
    }

    /// <inheritdoc/>
    protected internal override unsafe byte[] FromPythonHandle(nint obj)
    {
        if (!CPythonApi.IsBytes(obj))
        {
            throw ConversionErrors.Expected("bytes", obj);
        }

        byte* data;
        nint length;
        if (CPythonApi.PyBytes_AsStringAndSize(obj, &data, &length) != 0)
        {
            throw ConversionErrors.Pending();
        }

        return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
    }
}
