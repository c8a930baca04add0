#if NET10_0_OR_GREATER
using System.Numerics.Tensors;

namespace CSnakes.Runtime;

// N-dimensional views: only the net10.0 build references System.Numerics.Tensors, so net8.0 apps keep
// the spans and 2-D spans without that dependency.
public partial interface IPyBuffer
{
    /// <summary>
    /// An N-dimensional read-only view of the buffer's items, in place: <see cref="Shape"/> becomes the
    /// tensor's lengths and <see cref="Strides"/> (divided by <see cref="ItemSize"/>) its strides, so sliced,
    /// transposed (Fortran-order) and broadcast buffers are viewed without a copy. Like the spans, it reads
    /// Python's memory directly and is valid only until this buffer is disposed. A zero-dimensional buffer
    /// (one item) is viewed as one dimension of length 1.
    /// </summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not the buffer's item type.</exception>
    /// <exception cref="InvalidOperationException">
    /// The buffer is disposed, its items are in the other byte order, or its layout has no tensor form: a
    /// negative stride (a reversed view), a stride that is not a whole number of items, or items that overlap.
    /// </exception>
    ReadOnlyTensorSpan<T> AsReadOnlyTensorSpan<T>() where T : unmanaged;

    /// <summary>
    /// An N-dimensional writable view of the buffer's items, in place; writes are seen by Python. The same
    /// layout and lifetime rules as <see cref="AsReadOnlyTensorSpan{T}"/>.
    /// </summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not the buffer's item type.</exception>
    /// <exception cref="InvalidOperationException">
    /// The buffer is read-only or disposed, its items are in the other byte order, or its layout has no tensor form.
    /// </exception>
    TensorSpan<T> AsTensorSpan<T>() where T : unmanaged;
}
#endif
