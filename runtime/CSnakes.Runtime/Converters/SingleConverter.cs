namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>float</c> ↔ <see cref="float"/>, for the dynamic API. Generated code uses <see cref="FloatConverter"/>
/// (<c>float</c> is <c>double</c>). Precision is rounded as any double → float conversion; a finite value beyond
/// <see cref="float"/>'s range is an <see cref="OverflowException"/> rather than an infinity.
/// </summary>
public sealed class SingleConverter : PyConverter<float>
{
    /// <summary>The shared instance.</summary>
    public static readonly SingleConverter Instance = new();

    private SingleConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(float value) => FloatConverter.Instance.ToPythonHandle(value);

    /// <inheritdoc/>
    protected internal override float FromPythonHandle(nint obj)
    {
        double value = FloatConverter.Instance.FromPythonHandle(obj);
        float narrowed = (float)value;
        return float.IsInfinity(narrowed) && double.IsFinite(value)
            ? throw new OverflowException($"The Python float {value} does not fit in a 32-bit float (Single).")
            : narrowed;
    }
}
