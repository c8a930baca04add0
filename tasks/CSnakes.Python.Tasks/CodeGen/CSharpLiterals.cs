using System.Globalization;
using System.Numerics;
using System.Text;
using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Spells Python literal defaults and strings as C# source.</summary>
internal static class CSharpLiterals
{
    /// <summary>A C# string literal; everything outside printable ASCII is escaped, so the output is plain ASCII.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// The C# default value for a Python literal default, or null when the literal does not fit the
    /// parameter's type (then the parameter becomes optional-and-not-sent instead).
    /// <paramref name="valueType"/> is the parameter's type without a nullable wrapper;
    /// <paramref name="nullable"/> says whether the C# parameter accepts null.
    /// </summary>
    public static string? Default(PythonDefault value, CSharpType valueType, bool nullable)
    {
        switch (value.Kind)
        {
            case "none":
                return nullable ? "null" : null;
            case "bool" when valueType == ScalarType.Bool:
                return value.Value == "true" ? "true" : "false";
            case "str" when valueType == ScalarType.Str && value.Value is not null:
                return String(value.Value);
            case "int" when valueType == ScalarType.Int:
                return BigInteger.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    && integer >= long.MinValue && integer <= long.MaxValue
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : null;
            case "int" when valueType == ScalarType.Float:
                return BigInteger.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    && double.IsFinite((double)whole)
                    ? whole.ToString(CultureInfo.InvariantCulture) + ".0"
                    : null;
            case "float" when valueType == ScalarType.Float:
                return Float(value.Value);
            case "expression" or "str" or "int" when valueType is EnumType enumType:
                return EnumMember(value, enumType);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>Color.RED</c> for an enum class (matched by member name), or a plain str/int for a Literal
    /// (matched by value), as <c>Color.Red</c>; null for anything else (e.g. <c>Perm.R | Perm.W</c>).
    /// Sending the member then gives Python the very value its default would have been.
    /// </summary>
    private static string? EnumMember(PythonDefault value, EnumType enumType)
    {
        EnumMember? member = (enumType.Origin, value.Kind) switch
        {
            (EnumOrigin.PythonEnum, "expression") => enumType.Members.FirstOrDefault(m => value.Text == enumType.PythonClass + "." + m.PythonText),
            (EnumOrigin.StrLiteral, "str") => enumType.Members.FirstOrDefault(m => m.PythonText == value.Value),
            (EnumOrigin.IntLiteral, "int") => enumType.Members.FirstOrDefault(m => SameInteger(m.PythonText, value.Value)),
            _ => null,
        };
        return member is null ? null : enumType.Spelling + "." + member.CSharpName;
    }

    private static bool SameInteger(string left, string? right) =>
        right is not null
        && BigInteger.TryParse(left, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
        && BigInteger.TryParse(right, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b)
        && a == b;

    /// <summary>A Python float repr as a C# double: <c>1.0</c>, <c>1e-05</c>, <c>double.PositiveInfinity</c>.</summary>
    private static string? Float(string? repr)
    {
        switch (repr)
        {
            case null:
                return null;
            case "inf":
                return "double.PositiveInfinity";
            case "-inf":
                return "double.NegativeInfinity";
            case "nan":
            case "-nan":
                return "double.NaN";
        }
        // repr always has a '.' or an exponent, and both spellings are valid C# double literals.
        if (!double.TryParse(repr, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
        {
            return null;
        }
        return repr.Contains('.') || repr.Contains('e') || repr.Contains('E') ? repr : repr + ".0";
    }
}
