using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>A default that is a member of the mapped enum becomes the C# default; anything else stays "not sent".</summary>
[TestClass]
public sealed class EnumDefaultCodeGenTests
{
    private static readonly PythonEnum Color = new("Color", "enum.Enum", 3, 1,
        [new("RED", "str", "red", 4), new("DARK_BLUE", "str", "dark", 5)], null);

    private static AnnotationNode Lit(string kind, string value) => new(AnnotationKind.Literal, kind, null, value);

    private static (ParameterWrapper Parameter, string Code) Generate(PythonAnnotation annotation, PythonDefault @default)
    {
        var file = File(Function("paint", null, Param("c", annotation, @default), Param("after", Ann("int"), Literal("int", "1")))) with { Enums = [Color] };
        var module = WrapperPlanner.Plan("App", "paint", "/p/paint.py", file, out _);
        var parameter = module.Functions.Single().Parameters.Single(p => p.PythonName == "c");
        return (parameter, GeneratedCode.Emit(module, "paint.py"));
    }

    [TestMethod]
    public void AnEnumMemberDefaultIsTheCSharpDefaultAndIsAlwaysSent()
    {
        var (parameter, code) = Generate(Ann("Color"), Expression("Color.DARK_BLUE"));

        Assert.AreEqual("Color.DarkBlue", GeneratedCode.Readable(parameter.DefaultLiteral!));
        Assert.AreEqual(NullMeaning.NotNullable, parameter.Null);
        StringAssert.Contains(code, "PyObject Paint(Color c = Color.DarkBlue, long after = 1);");
        // Always sent, so the next argument may stay positional.
        StringAssert.Contains(code, "__call.Add(s_color, c);");
        Assert.IsFalse(code.Contains("AddKeyword", StringComparison.Ordinal), code);
    }

    [TestMethod]
    public void AnOptionalEnumKeepsNullForNone()
    {
        var (parameter, code) = Generate(Ann(Name("typing.Optional", Name("Color"))), Expression("Color.RED"));

        Assert.AreEqual("Color.Red", GeneratedCode.Readable(parameter.DefaultLiteral!));
        StringAssert.Contains(code, "Color? c = Color.Red");
        StringAssert.Contains(code, "if (c is null) __call.AddNone(); else __call.Add(s_color, c.Value);");
    }

    [TestMethod]
    [DataRow("Color.GREEN", DisplayName = "not a member")]
    [DataRow("Other.RED", DisplayName = "another class")]
    [DataRow("Color.RED | Color.DARK_BLUE", DisplayName = "an expression")]
    [DataRow("pick()", DisplayName = "a call")]
    public void AnyOtherEnumDefaultIsLeftToPython(string text)
    {
        var (parameter, _) = Generate(Ann("Color"), Expression(text));

        Assert.AreEqual("null", GeneratedCode.Readable(parameter.DefaultLiteral!));
        Assert.AreEqual(NullMeaning.Omit, parameter.Null);
    }

    [TestMethod]
    public void AStrLiteralDefaultIsMatchedByValue()
    {
        var (parameter, code) = Generate(Ann(Name("typing.Literal", Lit("str", "fast"), Lit("str", "slow"))), Literal("str", "slow", "'slow'"));

        Assert.AreEqual("PaintC.Slow", GeneratedCode.Readable(parameter.DefaultLiteral!));
        StringAssert.Contains(code, "PaintC c = PaintC.Slow");
    }

    [TestMethod]
    public void AnIntLiteralDefaultIsMatchedByValue()
    {
        var (parameter, _) = Generate(Ann(Name("typing.Literal", Lit("int", "1"), Lit("int", "-2"))), Literal("int", "-2"));

        Assert.AreEqual("PaintC.ValueMinus2", GeneratedCode.Readable(parameter.DefaultLiteral!));
    }

    [TestMethod]
    [DataRow("str", "medium", DisplayName = "a str outside the set")]
    [DataRow("int", "1", DisplayName = "an int for a str Literal")]
    [DataRow("bool", "true", DisplayName = "a bool")]
    public void ALiteralDefaultOutsideTheSetIsLeftToPython(string kind, string value)
    {
        var (parameter, _) = Generate(Ann(Name("typing.Literal", Lit("str", "fast"), Lit("str", "slow"))), Literal(kind, value));

        Assert.AreEqual(NullMeaning.Omit, parameter.Null);
    }

    [TestMethod]
    public void ARecordFieldWithAnEnumDefaultIsOptional()
    {
        var record = new PythonRecord("Brush", RecordKind.Dataclass, 8, 1,
            [new PythonRecordField("size", 9, Ann("int"), null), new PythonRecordField("color", 10, Ann("Color"), Expression("Color.RED"))]);
        var file = File() with { Enums = [Color], Records = [record] };
        var module = WrapperPlanner.Plan("App", "paint", "/p/paint.py", file, out _);

        StringAssert.Contains(GeneratedCode.Emit(module, "paint.py"), "public sealed record Brush(long Size, Color Color = Color.Red)");
    }
}
