using System.Runtime.InteropServices;
using System.Text;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>str</c> ↔ <see cref="string"/>, lossless for all of Unicode: astral characters,
/// embedded NULs, and even lone surrogates (passed through with Python's <c>surrogatepass</c>).
/// </summary>
public sealed class StrConverter : PyConverter<string>
{
    /// <summary>The shared instance.</summary>
    public static readonly StrConverter Instance = new();

    private static readonly byte[] s_surrogatePass = "surrogatepass\0"u8.ToArray();
    private static readonly byte[] s_utf16Le = "utf-16-le\0"u8.ToArray();

    private StrConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(string value) => ToPythonHandleCore(value);

    /// <inheritdoc/>
    protected internal override string FromPythonHandle(nint obj) =>
        CPythonApi.IsUnicode(obj) ? FromBorrowedHandle(obj) : throw ConversionErrors.Expected("str", obj);

    /// <summary>A new Python str. The caller holds the GIL.</summary>
    internal static nint NewPyString(string value) => ToPythonHandleCore(value);

    // Strings up to this many chars are transcoded on the stack; longer ones use a pooled array.
    private const int StackChars = 256;

    // No zeroing of the stack buffer: Utf8.FromUtf16 writes every byte it reports as written.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static unsafe nint ToPythonHandleCore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            fixed (byte* empty = "\0"u8)
            {
                return Created(CPythonApi.LeafUnicodeDecodeUtf8(empty, 0, null));
            }
        }

        // Fast path: .NET's vectorised UTF-8 encoder plus CPython's UTF-8 decoder (with its ASCII fast path)
        // cost a fraction of CPython's UTF-16 decoder. It only fails for lone surrogates, which UTF-8 cannot
        // carry; those take the UTF-16 path below so they survive the trip.
        int maxBytes = value.Length * 3;
        byte[]? rented = null;
        Span<byte> buffer = value.Length <= StackChars
            ? stackalloc byte[maxBytes]
            : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            if (System.Text.Unicode.Utf8.FromUtf16(value, buffer, out _, out int written, replaceInvalidSequences: false)
                == System.Buffers.OperationStatus.Done)
            {
                fixed (byte* utf8 = buffer)
                {
                    return Created(CPythonApi.LeafUnicodeDecodeUtf8(utf8, written, null));
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        // UTF-16 in, so lone surrogates survive; byteorder -1 = little endian.
        int byteOrder = -1;
        fixed (char* chars = value)
        fixed (byte* errors = s_surrogatePass)
        {
            return Created(CPythonApi.PyUnicode_DecodeUTF16((byte*)chars, value.Length * 2, errors, &byteOrder));
        }
    }

    private static nint Created(nint str) => str != 0 ? str : throw ConversionErrors.Pending();

    /// <summary>
    /// The str as a .NET string through its cached UTF-8 form, which runs no Python code; null (error cleared) for a
    /// str with lone surrogates, which has none. For <see cref="ExactNumbers"/>. The caller holds the GIL.
    /// </summary>
    internal static unsafe string? TryFromUtf8(nint str)
    {
        nint size;
        nint utf8 = CPythonApi.LeafUnicodeAsUtf8AndSize(str, &size);
        if (utf8 == 0)
        {
            CPythonApi.PyErr_Clear();
            return null;
        }
        return size == 0 ? string.Empty : Encoding.UTF8.GetString((byte*)utf8, checked((int)size));
    }

    internal static unsafe string FromBorrowedHandle(nint str)
    {
        nint size;
        // Zero-copy for the common case: CPython caches the UTF-8 form (ASCII strings are already UTF-8).
        nint utf8 = CPythonApi.LeafUnicodeAsUtf8AndSize(str, &size);
        if (utf8 != 0)
        {
            return size == 0 ? string.Empty : Encoding.UTF8.GetString((byte*)utf8, checked((int)size));
        }

        // Lone surrogates cannot be UTF-8: fall back to UTF-16 with surrogatepass.
        CPythonApi.PyErr_Clear();
        fixed (byte* encoding = s_utf16Le)
        fixed (byte* errors = s_surrogatePass)
        {
            nint bytes = CPythonApi.PyUnicode_AsEncodedString(str, encoding, errors);
            if (bytes == 0)
            {
                throw ConversionErrors.Pending();
            }

            try
            {
                byte* data;
                nint length;
                if (CPythonApi.PyBytes_AsStringAndSize(bytes, &data, &length) != 0)
                {
                    throw ConversionErrors.Pending();
                }

                return new string(MemoryMarshal.Cast<byte, char>(new ReadOnlySpan<byte>(data, checked((int)length))));
            }
            finally
            {
                CPythonApi.Py_DecRef(bytes);
            }
        }
    }

    /// <summary>Reads and releases a new reference to a str (e.g. from <c>PyObject_Str</c>). The caller holds the GIL.</summary>
    internal static unsafe string FromOwnedHandle(nint str)
    {
        if (str == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            return FromBorrowedHandle(str);
        }
        finally
        {
            CPythonApi.Py_DecRef(str);
        }
    }
}
