namespace CSnakes.Runtime.Converters;

/// <summary>
/// Any object supporting the buffer protocol (<c>collections.abc.Buffer</c>) → <see cref="IPyBuffer"/>,
/// zero-copy. Passing an <see cref="IPyBuffer"/> back to Python passes the object that exported it.
/// </summary>
public sealed class BufferConverter : PyConverter<IPyBuffer>
{
    /// <summary>The shared instance.</summary>
    public static readonly BufferConverter Instance = new();

    private BufferConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(IPyBuffer value) =>
        value is PyBuffer buffer ? buffer.ExporterNewRef() : throw new ArgumentException("Only buffers obtained from Python can be passed back to Python.", nameof(value));

    /// <inheritdoc/>
    protected internal override IPyBuffer FromPythonHandle(nint obj) => PyBuffer.Get(obj);
}
