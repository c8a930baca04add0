#if NET10_0_OR_GREATER
using System.Numerics.Tensors;

namespace CSnakes.Runtime;

internal sealed unsafe partial class PyBuffer
{
    // Python allows at most 64 dimensions (PyBUF_MAX_NDIM); anything larger goes to the heap.
    private const int StackRank = 64;

    public ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan<T>() where T : unmanaged => Tensor<T>();

    public TensorSpan<T> AsTensorSpan<T>() where T : unmanaged
    {
        RequireWritable($"AsReadOnlyTensorSpan<{typeof(T).Name}>()");
        return Tensor<T>();
    }

    private TensorSpan<T> Tensor<T>() where T : unmanaged
    {
        T* items = (T*)TypedItems<T>();
        int rank = TensorRank;
        Span<nint> lengths = rank <= StackRank ? stackalloc nint[rank] : new nint[rank];
        Span<nint> strides = rank <= StackRank ? stackalloc nint[rank] : new nint[rank];
        nint memoryLength = TensorLayout(lengths, strides);
        try
        {
            return new TensorSpan<T>(items, memoryLength, lengths, strides);
        }
        catch (ArgumentException e)
        {
            throw LayoutRefused(e);
        }
    }

    // TensorSpan has no rank 0 (empty lengths mean "one dimension, all the memory"): a scalar buffer is [1].
    private int TensorRank => Math.Max(Dimensions, 1);

    /// <summary>
    /// Fills the tensor's lengths and strides (in items) from the buffer's shape and byte strides; returns how
    /// many items the view spans in memory, from the first item to the last one it can reach.
    /// </summary>
    private nint TensorLayout(Span<nint> lengths, Span<nint> strides)
    {
        if (Dimensions == 0)
        {
            lengths[0] = 1;
            strides[0] = 0;
            return 1;
        }

        bool empty = _shape.Contains(0);
        nint lastItem = 0;
        for (int i = 0; i < Dimensions; i++)
        {
            lengths[i] = checked((nint)_shape[i]);
            // A stride only matters where an index can step: numpy reports any stride for a length-1 dimension
            // (e.g. 12 bytes for shape (1, 3)), and TensorSpan refuses such a stride when it points past the end.
            if (empty || _shape[i] == 1)
            {
                strides[i] = 0;
                continue;
            }

            long byteStride = _strides[i];
            if (byteStride < 0)
            {
                throw new InvalidOperationException($"The Python buffer steps backwards ({ShapeAndStrides}), as a reversed view such as memoryview[::-1] or numpy.flip does; a TensorSpan has no negative strides. Pass a copy (numpy.ascontiguousarray, memoryview.tobytes) to view it as a tensor.");
            }

            if (byteStride % ItemSize != 0)
            {
                throw new InvalidOperationException($"The Python buffer's strides are not whole items of {ItemSize} bytes ({ShapeAndStrides}), as in a field of a packed numpy record array; a TensorSpan counts strides in items. Pass a copy (numpy.ascontiguousarray) to view it as a tensor.");
            }

            strides[i] = checked((nint)(byteStride / ItemSize));
            lastItem = checked(lastItem + ((lengths[i] - 1) * strides[i]));
        }

        return empty ? 0 : lastItem + 1;
    }

    private InvalidOperationException LayoutRefused(ArgumentException reason) =>
        new($"System.Numerics.Tensors cannot describe this Python buffer's layout ({ShapeAndStrides}): a TensorSpan's items may share memory only along a zero stride (broadcasting), not overlap as in numpy's sliding_window_view or as_strided. Pass a copy (numpy.ascontiguousarray) to view it as a tensor.", reason);
}
#endif
