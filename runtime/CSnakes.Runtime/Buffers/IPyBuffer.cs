namespace CSnakes.Runtime;

/// <summary>
/// A zero-copy view of a Python object's memory (the buffer protocol: <c>bytearray</c>,
/// <c>array.array</c>, <c>memoryview</c>, numpy arrays, …). Spans read and write Python's memory
/// directly. Dispose it to release the buffer (exactly once); spans must not be used afterwards.
/// </summary>
public partial interface IPyBuffer : IDisposable
{
    /// <summary>Total size in bytes.</summary>
    long Length { get; }

    /// <summary>Size of one item in bytes.</summary>
    long ItemSize { get; }

    /// <summary>The <c>struct</c> format of one item, e.g. <c>d</c> for float64.</summary>
    string Format { get; }

    /// <summary>The .NET type of one item, or null when the format has none (e.g. a structured numpy dtype).</summary>
    Type? ItemType { get; }

    /// <summary>True when Python's object does not allow writes (e.g. <c>bytes</c>, a read-only numpy array).</summary>
    bool IsReadOnly { get; }

    /// <summary>Number of dimensions.</summary>
    int Dimensions { get; }

    /// <summary>Items per dimension.</summary>
    IReadOnlyList<long> Shape { get; }

    /// <summary>Bytes to step per dimension.</summary>
    IReadOnlyList<long> Strides { get; }

    /// <summary>True when items are laid out in row-major order with no gaps (required for spans).</summary>
    bool IsContiguous { get; }

    /// <summary>All items, row-major, read-only.</summary>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not the buffer's item type.</exception>
    /// <exception cref="InvalidOperationException">The buffer is not contiguous, or is disposed.</exception>
    ReadOnlySpan<T> AsReadOnlySpan<T>() where T : unmanaged;

    /// <summary>All items, row-major, writable: writes are seen by Python.</summary>
    /// <exception cref="InvalidOperationException">The buffer is read-only or not contiguous, or is disposed.</exception>
    /// <exception cref="InvalidCastException"><typeparamref name="T"/> is not the buffer's item type.</exception>
    Span<T> AsSpan<T>() where T : unmanaged;

    /// <summary>A two-dimensional read-only view.</summary>
    /// <exception cref="InvalidOperationException">The buffer does not have exactly two dimensions or is not contiguous.</exception>
    ReadOnlySpan2D<T> AsReadOnlySpan2D<T>() where T : unmanaged;

    /// <summary>A two-dimensional writable view.</summary>
    /// <exception cref="InvalidOperationException">The buffer is read-only, not two-dimensional or not contiguous.</exception>
    Span2D<T> AsSpan2D<T>() where T : unmanaged;
}
