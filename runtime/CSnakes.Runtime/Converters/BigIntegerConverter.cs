using System.Globalization;
using System.Numerics;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>int</c> of any size ↔ <see cref="BigInteger"/>. The generator uses it where a function
/// is annotated with <c>int</c> and opts in to big integers (docs/type-mapping.md); <c>int</c> alone maps to <c>long</c>.
/// </summary>
public sealed class BigIntegerConverter : PyConverter<BigInteger>
{
    /// <summary>The shared instance.</summary>
    public static readonly BigIntegerConverter Instance = new();

    private static nint s_int;

    private BigIntegerConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return IntConverter.Instance.ToPythonHandle((long)value);
        }

        if (s_int == 0)
        {
            s_int = Native.CPythonApi.NewRef(Native.CPythonApi.PyLongType);
        }

        return StdlibTypes.CallWithString(s_int, value.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    protected internal override BigInteger FromPythonHandle(nint obj)
    {
        if (!Native.CPythonApi.IsLong(obj) || Native.CPythonApi.IsBool(obj))
        {
            throw ConversionErrors.Expected("int", obj);
        }

        return BigInteger.Parse(StdlibTypes.Str(obj), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }
}
