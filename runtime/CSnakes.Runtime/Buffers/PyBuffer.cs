using System.Runtime.InteropServices;
using System.Text;
using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// Holds one <c>Py_buffer</c> (in native memory, so its address is stable) until disposed. The
/// buffer keeps a reference to the exporting object, so the memory stays valid while this lives.
/// </summary>
internal sealed unsafe partial class PyBuffer : IPyBuffer
{
    private nint _view; // PyBufferStruct*, 0 once released
    private readonly long[] _shape;
    private readonly long[] _strides;

    // The sub-interpreter the exporting object belongs to; null for the main interpreter.
    private readonly PythonInterpreter? _owner;

    private PyBuffer(PyBufferStruct* view)
    {
        _view = (nint)view;
        _owner = PythonInterpreter.SubInterpretersExist ? GIL.CurrentSubInterpreter : null;
        Format = view->Format is null ? "B" : Marshal.PtrToStringUTF8((nint)view->Format) ?? "B";
        ItemSize = view->ItemSize;
        Length = view->Len;
        IsReadOnly = view->ReadOnly != 0;
        Dimensions = view->NDim;
        _shape = new long[Dimensions];
        _strides = new long[Dimensions];
        for (int i = 0; i < Dimensions; i++)
        {
            _shape[i] = view->Shape is null ? Length / ItemSize : view->Shape[i];
            _strides[i] = view->Strides is null ? ItemSize : view->Strides[i];
        }

        ItemType = BufferFormat.ItemType(Format, ItemSize);
        IsContiguous = ComputeContiguous();
    }

    /// <summary>Gets a buffer from <paramref name="obj"/>, writable if the object allows it. The caller holds the GIL.</summary>
    public static PyBuffer Get(nint obj)
    {
        if (CPythonApi.PyObject_CheckBuffer != null && CPythonApi.PyObject_CheckBuffer(obj) == 0)
        {
            throw new InvalidCastException($"Expected an object supporting the buffer protocol (bytes, bytearray, array.array, memoryview, numpy.ndarray, …) but got '{PythonTypeNames.Of(obj)}'.");
        }

        var view = (PyBufferStruct*)NativeMemory.AllocZeroed((nuint)sizeof(PyBufferStruct));
        if (CPythonApi.PyObject_GetBuffer(obj, view, PyBufferStruct.RecordsReadOnly | PyBufferStruct.Writable) != 0)
        {
            // Read-only exporters refuse PyBUF_WRITABLE: ask again without it.
            CPythonApi.PyErr_Clear();
            if (CPythonApi.PyObject_GetBuffer(obj, view, PyBufferStruct.RecordsReadOnly) != 0)
            {
                NativeMemory.Free(view);
                throw ConversionErrors.FromPendingErrorForBuffer(obj);
            }
        }

        return new PyBuffer(view);
    }

    public long Length { get; }

    public long ItemSize { get; }

    public string Format { get; }

    public Type? ItemType { get; }

    public bool IsReadOnly { get; }

    public int Dimensions { get; }

    public IReadOnlyList<long> Shape => _shape;

    public IReadOnlyList<long> Strides => _strides;

    public bool IsContiguous { get; }

    /// <summary>A new reference to the object that exported the buffer. The caller holds the GIL.</summary>
    internal nint ExporterNewRef() => CPythonApi.NewRef(View->Obj);

    private PyBufferStruct* View => _view != 0 ? (PyBufferStruct*)_view : throw new ObjectDisposedException(nameof(IPyBuffer), "This buffer has been released.");

    public ReadOnlySpan<T> AsReadOnlySpan<T>() where T : unmanaged => new(Items<T>(), checked((int)(Length / sizeof(T))));

    public Span<T> AsSpan<T>() where T : unmanaged
    {
        RequireWritable($"AsReadOnlySpan<{typeof(T).Name}>()");
        return new Span<T>(Items<T>(), checked((int)(Length / sizeof(T))));
    }

    public ReadOnlySpan2D<T> AsReadOnlySpan2D<T>() where T : unmanaged
    {
        RequireTwoDimensions();
        return new ReadOnlySpan2D<T>(AsReadOnlySpan<T>(), checked((int)_shape[0]), checked((int)_shape[1]));
    }

    public Span2D<T> AsSpan2D<T>() where T : unmanaged
    {
        RequireTwoDimensions();
        return new Span2D<T>(AsSpan<T>(), checked((int)_shape[0]), checked((int)_shape[1]));
    }

    /// <summary>The first item, for a flat (contiguous) view of items of type <typeparamref name="T"/>.</summary>
    private void* Items<T>() where T : unmanaged
    {
        void* items = TypedItems<T>();
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"The Python buffer is not contiguous ({ShapeAndStrides}); pass a contiguous copy (numpy.ascontiguousarray, memoryview.tobytes) to view it as a span.");
        }

        return items;
    }

    /// <summary>The item at index 0 in every dimension, once the items are known to be <typeparamref name="T"/> in this machine's byte order.</summary>
    private void* TypedItems<T>() where T : unmanaged
    {
        void* items = View->Buf;
        if (typeof(T) != ItemType)
        {
            throw new InvalidCastException($"The Python buffer holds '{Format}' items ({ItemType?.Name ?? "no .NET equivalent"}, {ItemSize} bytes each); it cannot be viewed as {typeof(T).Name}.");
        }

        if (BufferFormat.IsForeignByteOrder(Format))
        {
            throw new InvalidOperationException($"The Python buffer's items are in the other byte order ('{Format}'); convert it in Python (e.g. numpy's astype) before viewing it.");
        }

        return items;
    }

    /// <param name="readOnlyAlternative">The read-only view to suggest instead, e.g. <c>AsReadOnlySpan&lt;Byte&gt;()</c>.</param>
    private void RequireWritable(string readOnlyAlternative)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"This Python buffer ({Format}) is read-only; use {readOnlyAlternative} or make the Python object writable.");
        }
    }

    /// <summary>The layout, for error messages: shape in items, strides in bytes.</summary>
    private string ShapeAndStrides => $"shape [{string.Join(", ", _shape)}], strides [{string.Join(", ", _strides)}] bytes";

    private void RequireTwoDimensions()
    {
        if (Dimensions != 2)
        {
            throw new InvalidOperationException($"The Python buffer has {Dimensions} dimension(s) (shape [{string.Join(", ", _shape)}]); a 2-D view needs exactly 2.");
        }
    }

    private bool ComputeContiguous()
    {
        long expected = ItemSize;
        for (int i = Dimensions - 1; i >= 0; i--)
        {
            if (_shape[i] > 1 && _strides[i] != expected)
            {
                return false;
            }

            expected *= _shape[i];
        }

        return true;
    }

    public void Dispose()
    {
        var view = (PyBufferStruct*)Interlocked.Exchange(ref _view, 0);
        if (view is null)
        {
            return;
        }

        GC.SuppressFinalize(this);
        if (InterpreterAffinity.IsForeign(_owner))
        {
            InterpreterAffinity.OwnerOf(_owner).Releases.EnqueueBuffer((nint)view);
        }
        else if (GIL.IsHeld)
        {
            Release(view);
        }
        else if (InterpreterLifetime.IsRunning)
        {
            try
            {
                using (GIL.Acquire())
                {
                    Release(view);
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    internal static void Release(PyBufferStruct* view)
    {
        CPythonApi.PyBuffer_Release(view);
        NativeMemory.Free(view);
    }

    ~PyBuffer()
    {
        if (_view != 0)
        {
            InterpreterAffinity.OwnerOf(_owner).Releases.EnqueueBuffer(_view);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder($"PyBuffer({Format}, shape [{string.Join(", ", _shape)}]");
        return text.Append(IsReadOnly ? ", read-only)" : ")").ToString();
    }
}
