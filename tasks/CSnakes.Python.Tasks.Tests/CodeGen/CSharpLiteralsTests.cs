using CSnakes.Python.Tasks.CodeGen;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

[TestClass]
public sealed class CSharpLiteralsTests
{
    [TestMethod]
    [DataRow("plain", "\"plain\"")]
    [DataRow("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [DataRow("C:\\temp", "\"C:\\\\temp\"")]
    [DataRow("a\nb\tc\r", "\"a\\nb\\tc\\r\"")]
    [DataRow("caf\u00e9", "\"caf\\u00E9\"")]
    [DataRow("\u2028", "\"\\u2028\"")]
    public void StringsAreEscapedToAscii(string value, string expected) =>
        Assert.AreEqual(expected, CSharpLiterals.String(value));

    [TestMethod]
    [DataRow("int", "7", "long", "7")]
    [DataRow("int", "-3", "long", "-3")]
    [DataRow("int", "9223372036854775807", "long", "9223372036854775807")]
    [DataRow("int", "9223372036854775808", "long", null)]
    [DataRow("int", "2", "double", "2.0")]
    [DataRow("float", "1.0", "double", "1.0")]
    [DataRow("float", "-0.5", "double", "-0.5")]
    [DataRow("float", "1e-05", "double", "1e-05")]
    [DataRow("float", "1e+16", "double", "1e+16")]
    [DataRow("float", "inf", "double", "double.PositiveInfinity")]
    [DataRow("float", "-inf", "double", "double.NegativeInfinity")]
    [DataRow("float", "nan", "double", "double.NaN")]
    [DataRow("float", "1.5", "long", null)]
    [DataRow("str", "a\"b", "string", "\"a\\\"b\"")]
    [DataRow("str", "x", "long", null)]
    [DataRow("bool", "true", "bool", "true")]
    [DataRow("bool", "false", "bool", "false")]
    [DataRow("bool", "true", "long", null)]
    [DataRow("int", "1", "PyObject", null)]
    [DataRow("expression", null, "long", null)]
    public void LiteralDefaultsFitTheParameterType(string kind, string? value, string type, string? expected)
    {
        var valueType = type switch
        {
            "long" => ScalarType.Int,
            "double" => ScalarType.Float,
            "string" => ScalarType.Str,
            "bool" => ScalarType.Bool,
            _ => (CSharpType)ScalarType.Object,
        };
        Assert.AreEqual(expected, CSharpLiterals.Default(Sig.Literal(kind, value, "text"), valueType, nullable: false));
    }

    [TestMethod]
    public void NoneDefaultNeedsANullableParameter()
    {
        Assert.AreEqual("null", CSharpLiterals.Default(Sig.Literal("none", null), ScalarType.Int, nullable: true));
        Assert.IsNull(CSharpLiterals.Default(Sig.Literal("none", null), ScalarType.Int, nullable: false));
    }
}
