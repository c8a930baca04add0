using System.Runtime.InteropServices;

namespace CSnakes.Runtime.Native;

/// <summary>CPython's <c>Py_buffer</c>; its layout is part of the stable ABI (3.11) and unchanged since 3.3.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBufferStruct
{
    public void* Buf;
    public nint Obj;
    public nint Len;
    public nint ItemSize;
    public int ReadOnly;
    public int NDim;
    public byte* Format;
    public nint* Shape;
    public nint* Strides;
    public nint* SubOffsets;
    public void* Internal;

    /// <summary><c>PyBUF_RECORDS_RO</c>: strides and format, no indirect (suboffset) buffers.</summary>
    public const int RecordsReadOnly = 0x1C;

    /// <summary><c>PyBUF_WRITABLE</c>.</summary>
    public const int Writable = 0x1;
}
