using System.Globalization;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// <c>decimal.Decimal</c> ↔ <see cref="decimal"/>, exactly, through their decimal text. A Python value
/// outside .NET decimal's range (or NaN/Infinity) is an <see cref="OverflowException"/>; digits beyond
/// .NET's 28–29 significant digits are rounded by .NET's parser.
/// </summary>
public sealed class DecimalConverter : PyConverter<decimal>
{
    /// <summary>The shared instance.</summary>
    public static readonly DecimalConverter Instance = new();

    private DecimalConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(decimal value) =>
        StdlibTypes.CallWithString(StdlibTypes.Decimal, value.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    protected internal override decimal FromPythonHandle(nint obj)
    {
        if (!StdlibTypes.IsInstance(obj, StdlibTypes.Decimal))
        {
            throw ConversionErrors.Expected("decimal.Decimal", obj);
        }

        string text = StdlibTypes.Str(obj);
        try
        {
            return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new OverflowException($"The Python Decimal '{text}' has no .NET decimal equivalent.");
        }
    }
}
