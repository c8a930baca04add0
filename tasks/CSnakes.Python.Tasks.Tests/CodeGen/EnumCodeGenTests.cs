using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>Enum classes of the module and Literal annotations become generated C# enums.</summary>
[TestClass]
public sealed class EnumCodeGenTests
{
    private static readonly PythonEnum Color = new("Color", "enum.Enum", 3, 1,
        [new("RED", "str", "red", 4), new("DARK_BLUE", "str", "dark", 5), new("class_", "str", "c", 6)], null);

    private static readonly PythonEnum Counted = new("Counted", "enum.Enum", 9, 1, [], "the value of member 'A' (auto()) is not an int or str literal");

    private static AnnotationNode Lit(string kind, string value) => new(AnnotationKind.Literal, kind, null, value);

    private static AnnotationNode StrLiteral(params string[] values) => Name("typing.Literal", values.Select(v => Lit("str", v)).ToArray());

    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics, string Code) Generate(params PythonFunction[] functions)
    {
        var file = File(functions) with { Enums = [Color, Counted] };
        var module = WrapperPlanner.Plan("App", "paint", "/p/paint.py", file, out var diagnostics);
        return (module, diagnostics, GeneratedCode.Emit(module, "paint.py"));
    }

    [TestMethod]
    public void AnEnumClassOfTheModuleMapsBothWaysAndNested()
    {
        var (module, diagnostics, code) = Generate(
            Function("mix", Ann(Name("list", Name("Color"))), Param("a", Ann("Color")), Param("b", Ann(Name("typing.Optional", Name("Color"))))));

        var mix = module.Functions.Single();
        Assert.AreEqual("IReadOnlyList<Color>", GeneratedCode.Readable(mix.ReturnType!.Spelling));
        Assert.AreEqual("Color", GeneratedCode.Readable(mix.Parameters[0].DeclaredType));
        Assert.AreEqual("Color?", GeneratedCode.Readable(mix.Parameters[1].DeclaredType));
        Assert.IsFalse(diagnostics.Any(d => d.Line == 1), string.Join("\n", diagnostics.Select(d => d.Text)));
        StringAssert.Contains(code, "public enum Color\n    {");
        StringAssert.Contains(code, "    Red,\n");
        StringAssert.Contains(code, "    DarkBlue,\n");
        StringAssert.Contains(code, "    Class,\n");
        StringAssert.Contains(code, "new EnumConverter<Color>([(Color.Red, \"RED\"), (Color.DarkBlue, \"DARK_BLUE\"), (Color.Class, \"class_\")], \"paint\", \"Color\")");
        StringAssert.Contains(code, "new ListConverter<Color>(new EnumConverter<Color>(");
        StringAssert.Contains(code, "if (b is null) __call.AddNone(); else __call.Add(s_color, b.Value);");
    }

    [TestMethod]
    public void AnEnumClassWithUnknowableValuesIsSkippedWithAWarning()
    {
        var (module, diagnostics, code) = Generate(Function("count", Ann("Counted")));

        Assert.AreEqual("PyObject", GeneratedCode.Readable(module.Functions.Single().ReturnType!.Spelling));
        Assert.IsFalse(code.Contains("enum Counted", StringComparison.Ordinal));
        var atClass = diagnostics.Single(d => d.Line == 9);
        Assert.AreEqual("CSPY3001", atClass.Code);
        StringAssert.Contains(atClass.Text, "auto()");
        var atReturn = diagnostics.Single(d => d.Line == 1 && d.Code == "CSPY3001");
        StringAssert.Contains(atReturn.Text, "'Counted' gets no C# enum");
    }

    [TestMethod]
    public void AStrLiteralBecomesAnEnumNamedForItsFirstUseAndIdenticalSetsShareIt()
    {
        var (module, _, code) = Generate(
            Function("set_mode", Ann(StrLiteral("fast", "slow")), Param("mode", Ann(StrLiteral("slow", "fast")))),
            Function("other", Ann(StrLiteral("fast", "slow", "off"))));

        var setMode = module.Functions[0];
        // The return is mapped before the parameters, so it names the shared enum.
        Assert.AreEqual("SetModeResult", GeneratedCode.Readable(setMode.ReturnType!.Spelling));
        Assert.AreEqual("SetModeResult", GeneratedCode.Readable(setMode.Parameters[0].DeclaredType), "the same values in another order are the same enum");
        Assert.AreEqual("OtherResult", GeneratedCode.Readable(module.Functions[1].ReturnType!.Spelling));
        CollectionAssert.AreEqual(new[] { "Color", "SetModeResult", "OtherResult" }, module.Enums!.Select(e => e.Name).ToArray());
        StringAssert.Contains(code, "public enum SetModeResult\n    {");
        StringAssert.Contains(code, "new EnumConverter<SetModeResult>([(SetModeResult.Fast, \"fast\"), (SetModeResult.Slow, \"slow\")])");
        Assert.AreEqual(1, code.Split("public enum SetModeResult").Length - 1);
    }

    [TestMethod]
    public void AnIntLiteralTravelsAsLongs()
    {
        var (module, _, code) = Generate(Function("pick", null, Param("n", Ann(Name("typing.Literal", Lit("int", "1"), Lit("int", "-2"))))));

        Assert.AreEqual("PickN", GeneratedCode.Readable(module.Functions.Single().Parameters[0].DeclaredType));
        StringAssert.Contains(code, "new EnumConverter<PickN>([(PickN.Value1, 1L), (PickN.ValueMinus2, -2L)])");
    }

    [TestMethod]
    public void AMixedOrNonLiteralValueIsUnsupported()
    {
        var (module, diagnostics, _) = Generate(Function("f", null,
            Param("a", Ann(Name("typing.Literal", Lit("int", "1"), Lit("str", "x")))),
            Param("b", Ann(Name("typing.Literal", Other("True"))))));

        Assert.IsTrue(module.Functions.Single().Parameters.All(p => GeneratedCode.Readable(p.DeclaredType) == "PyObject"));
        Assert.AreEqual(2, diagnostics.Count(d => d.Code == "CSPY3001" && d.Text.Contains("all-str or all-int", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("RED", "Red")]
    [DataRow("DARK_BLUE", "DarkBlue")]
    [DataRow("darkBlue", "DarkBlue")]
    [DataRow("dark-blue", "DarkBlue")]
    [DataRow("-1", "ValueMinus1")]
    [DataRow("42", "Value42")]
    [DataRow("", "Value")]
    [DataRow("a b", "AB")]
    public void MemberNamesArePascalCaseIdentifiers(string python, string expected) =>
        Assert.AreEqual(expected, EnumNames.Member(python));

    [TestMethod]
    public void CollidingMemberNamesGetSuffixes() =>
        CollectionAssert.AreEqual(new[] { "Red", "Red2", "Red3" }, EnumNames.Unique(["Red", "Red", "Red"]).ToArray());
}
