using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

[TestClass]
public sealed class WrapperPlannerTests
{
    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics) Plan(params PythonFunction[] functions)
    {
        var module = WrapperPlanner.Plan("App", "forecast", "/p/forecast.py", File(functions), out var diagnostics);
        return (module, diagnostics);
    }

    [TestMethod]
    public void SkipsPrivateAndIgnoredFunctions()
    {
        var (module, diagnostics) = Plan(
            Function("public_one", Ann("int")),
            Function("_private", Ann("int")),
            Function("ignored", Ann("int")) with { CsharpIgnore = true });

        CollectionAssert.AreEqual(new[] { "PublicOne" }, module.Functions.Select(f => f.MethodName).ToArray());
        Assert.IsFalse(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [TestMethod]
    public void FunctionsCollidingAfterCasingBothStayTheLaterEscapedWithAWarning()
    {
        var (module, diagnostics) = Plan(
            Function("get_value", Ann("int")) with { Line = 3 },
            Function("getValue", Ann("int")) with { Line = 9 },
            Function("get__value", Ann("int")) with { Line = 12 },
            Function("other", Ann("int")));

        Assert.IsFalse(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error));
        var warnings = diagnostics.Where(d => d.Code == "CSPY3003").ToList();
        CollectionAssert.AreEqual(new[] { 9, 12 }, warnings.Select(w => w.Line).ToArray());
        Assert.AreEqual(DiagnosticSeverity.Warning, warnings[0].Severity);
        StringAssert.Contains(warnings[0].Text, "'get_value' (line 3)");
        StringAssert.Contains(warnings[0].Text, "'getValue' is 'GetValue_' in C#");
        CollectionAssert.AreEqual(new[] { "GetValue", "GetValue_", "GetValue__", "Other" }, module.Functions.Select(f => f.MethodName).ToArray());
        CollectionAssert.AreEqual(new[] { "get_value", "getValue", "get__value", "other" }, module.Functions.Select(f => f.PythonName).ToArray());
    }

    [TestMethod]
    public void ALaterDefinitionReplacesAnEarlierOne()
    {
        var (module, diagnostics) = Plan(
            Function("f", Ann("int")) with { Line = 1 },
            Function("f", Ann("str")) with { Line = 5 });

        Assert.AreEqual("string", GeneratedCode.Readable(module.Functions.Single().ReturnType!.Spelling));
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
    }

    [TestMethod]
    public void UnmappableAnnotationsWarnAtTheAnnotation()
    {
        var (module, diagnostics) = Plan(Function("f", Ann(Name("typing.Callable"), "Callable", line: 4, column: 20),
            Param("x", Ann(Name("numpy.ndarray"), "np.ndarray", line: 3, column: 9))));

        var warnings = diagnostics.Where(d => d.Code == "CSPY3001").OrderBy(d => d.Line).ToList();
        Assert.AreEqual(2, warnings.Count);
        Assert.AreEqual((3, 9), (warnings[0].Line, warnings[0].Column));
        StringAssert.Contains(warnings[0].Text, "'np.ndarray'");
        StringAssert.Contains(warnings[0].Text, "forecast.f");
        Assert.AreEqual((4, 20), (warnings[1].Line, warnings[1].Column));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(module.Functions.Single().ReturnType!.Spelling));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(module.Functions.Single().Parameters.Single().DeclaredType));
    }

    [TestMethod]
    public void ArgumentsArePositionalWherePythonAcceptsThemAndKeywordOnlyOnesByName()
    {
        var (module, diagnostics) = Plan(Function("f", Ann("int"),
            Param("a", Ann("int")),
            Param("b", Ann("int"), Literal("int", "1")),
            Param("c", Ann("int"), Expression("DEFAULT")),
            Param("d", Ann("float"), Literal("float", "2.5")),
            Param("e", Ann("str"), kind: ParameterKinds.KeywordOnly)));

        var p = module.Functions.Single().Parameters.ToDictionary(x => x.PythonName);
        // Positional while every earlier argument is given; after an omitted one (c = null) the emitter sends d by keyword.
        Assert.AreEqual(ArgumentPassing.Positional, p["a"].Passing);
        Assert.AreEqual(ArgumentPassing.Positional, p["b"].Passing);
        Assert.AreEqual(ArgumentPassing.Positional, p["c"].Passing);
        Assert.AreEqual(NullMeaning.Omit, p["c"].Null);
        Assert.AreEqual("long?", GeneratedCode.Readable(p["c"].DeclaredType));
        Assert.AreEqual("null", p["c"].DefaultLiteral);
        Assert.AreEqual(ArgumentPassing.Positional, p["d"].Passing);
        Assert.IsTrue(p["d"].KeywordAllowed);
        Assert.AreEqual("2.5", p["d"].DefaultLiteral);
        Assert.AreEqual(ArgumentPassing.Keyword, p["e"].Passing);
        Assert.AreEqual(0, diagnostics.Count(d => d.Severity != DiagnosticSeverity.Message));
        // Required keyword-only e moves before the optional ones in C#.
        CollectionAssert.AreEqual(new[] { "a", "e", "b", "c", "d" }, module.Functions.Single().Parameters.Select(x => x.PythonName).ToArray());
    }

    [TestMethod]
    public void PositionalOnlyWithAnExpressionDefaultCanBeOmittedButNeverGoesByKeyword()
    {
        var (module, diagnostics) = Plan(Function("f", Ann("int"),
            Param("a", Ann("int"), Expression("len(X)"), ParameterKinds.PositionalOnly, line: 7)));

        var parameter = module.Functions.Single().Parameters.Single();
        Assert.AreEqual("null", parameter.DefaultLiteral);
        Assert.AreEqual(NullMeaning.Omit, parameter.Null);
        Assert.AreEqual(ArgumentPassing.Positional, parameter.Passing);
        Assert.IsFalse(parameter.KeywordAllowed);
        Assert.AreEqual(0, diagnostics.Count(d => d.Severity != DiagnosticSeverity.Message));
    }

    [TestMethod]
    public void ParametersBeforeVarArgsStayPositional()
    {
        var (module, diagnostics) = Plan(Function("f", Ann("int"),
            Param("a", Ann("int"), Expression("X")),
            Param("args", null, kind: ParameterKinds.VarPositional),
            Param("kwargs", null, kind: ParameterKinds.VarKeyword)));

        var parameters = module.Functions.Single().Parameters;
        Assert.AreEqual(ArgumentPassing.Positional, parameters[0].Passing);
        Assert.IsFalse(parameters[0].KeywordAllowed, "a keyword before *args would collide with the slot *args fills");
        Assert.AreEqual(NullMeaning.Omit, parameters[0].Null);
        Assert.AreEqual("PyObject[]?", GeneratedCode.Readable(parameters[1].DeclaredType));
        Assert.AreEqual("IReadOnlyDictionary<string, PyObject>?", GeneratedCode.Readable(parameters[2].DeclaredType));
        Assert.AreEqual(0, diagnostics.Count(d => d.Severity != DiagnosticSeverity.Message));
    }

    [TestMethod]
    public void NoneDefaultMakesTheParameterNullableAndSendsNone()
    {
        var (module, _) = Plan(Function("f", Ann("int"),
            Param("a", Ann("int"), Literal("none", null)),
            Param("b", null, Literal("int", "5"))));

        var p = module.Functions.Single().Parameters.ToDictionary(x => x.PythonName);
        Assert.AreEqual(("long?", "null", NullMeaning.None), (GeneratedCode.Readable(p["a"].DeclaredType), p["a"].DefaultLiteral, p["a"].Null));
        // An untyped literal default cannot be a PyObject constant: it is left to Python instead.
        Assert.AreEqual(("PyObject?", "null", NullMeaning.Omit), (GeneratedCode.Readable(p["b"].DeclaredType), p["b"].DefaultLiteral, p["b"].Null));
    }

    [TestMethod]
    public void ParameterNamesAreEscapedAndDeduplicated()
    {
        var (module, _) = Plan(Function("f", Ann("int"),
            Param("class", Ann("int")),
            Param("a_b", Ann("int")),
            Param("aB", Ann("int")),
            Param("_", Ann("int"))));

        CollectionAssert.AreEqual(new[] { "@class", "aB", "aB2", "arg3" }, module.Functions.Single().Parameters.Select(p => p.CSharpName).ToArray());
    }
}
