using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>Python <c>bool</c> ↔ <see cref="bool"/>. Strict: an int, None or any other object is an <see cref="InvalidCastException"/>.</summary>
public sealed class BoolConverter : PyConverter<bool>
{
    /// <summary>The shared instance.</summary>
    public static readonly BoolConverter Instance = new();

    private BoolConverter()
    {
    }

    /// <inheritdoc/>
    protected internal override nint ToPythonHandle(bool value) => CPythonApi.NewRef(value ? CPythonApi.PyTrue : CPythonApi.PyFalse);

    /// <inheritdoc/>
    protected internal override bool FromPythonHandle(nint obj) =>
        CPythonApi.IsBool(obj) ? obj == CPythonApi.PyTrue : throw ConversionErrors.Expected("bool", obj);
}
