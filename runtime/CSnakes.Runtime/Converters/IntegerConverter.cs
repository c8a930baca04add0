using System.Numerics;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>int</c> ↔ a .NET integer narrower than <see cref="long"/> (<see cref="int"/>, <see cref="short"/>,
/// <see cref="byte"/>, <see cref="sbyte"/>, <see cref="ushort"/>, <see cref="uint"/>), for the dynamic API
/// (<c>PyObject.From((1, "a"))</c>). Generated code uses <see cref="IntConverter"/> (<c>int</c> is <c>long</c>).
/// A Python int outside <typeparamref name="T"/>'s range is an <see cref="OverflowException"/> naming both.
/// </summary>
public sealed class IntegerConverter<T> : PyConverter<T> where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    /// <summary>The shared instance.</summary>
    public static readonly IntegerConverter<T> Instance = new();

    private IntegerConverter()
    {
        // Every supported type fits in a long; ulong and wider would need more than IntConverter gives.
        if (long.CreateSaturating(T.MaxValue) == long.MaxValue && typeof(T) != typeof(long))
        {
            throw new NotSupportedException($"{typeof(T).Name} does not fit in a 64-bit long; use BigInteger.");
        }
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(T value) => IntConverter.Instance.ToPythonHandle(long.CreateTruncating(value));

    /// <inheritdoc/>
    protected internal override T FromPythonHandle(nint obj)
    {
        long value = IntConverter.Instance.FromPythonHandle(obj);
        return value >= long.CreateTruncating(T.MinValue) && value <= long.CreateTruncating(T.MaxValue)
            ? T.CreateTruncating(value)
            : throw new OverflowException($"The Python int {value} does not fit in {typeof(T).Name} ({T.MinValue}..{T.MaxValue}).");
    }
}
