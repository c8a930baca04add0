using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>Union parameters become one overload per combination; @overload stubs become one overload each.</summary>
[TestClass]
public sealed class OverloadPlanningTests
{
    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics) Plan(params PythonFunction[] functions)
    {
        var module = WrapperPlanner.Plan("App", "shapes", "/p/shapes.py", File(functions), out var diagnostics);
        return (module, diagnostics);
    }

    private static string[] Signatures(ModuleWrapper module) =>
        module.Functions.Select(f => $"{f.ReturnType?.Spelling ?? "void"} {f.MethodName}({string.Join(", ", f.Parameters.Select(p => !p.IsOptional ? GeneratedCode.Readable(p.DeclaredType) : GeneratedCode.Readable(p.DeclaredType) + "=" + p.DefaultLiteral))})").ToArray();

    [TestMethod]
    public void AnOverloadThatDiffersOnlyInOptionalParametersStatesNoDefaults()
    {
        // typeshed's bisect_left: same required parameters, `key: None = None` against `key: Callable[[int], int]`
        // (a stub's `= ...`). With defaults on both, bisect_left(a, x) from C# is CS0121 (ambiguous).
        var (module, diagnostics) = Plan(
            Function("bisect_left", Ann("int"), Param("a", Ann(Name("list", Name("int")))), Param("x", Ann("int")),
                Param("lo", Ann("int"), Literal("int", "0")), Param("key", Ann(None), Literal("none", null))) with { Decorators = ["overload"] },
            Function("bisect_left", Ann("int"), Param("a", Ann(Name("list", Name("int")))), Param("x", Ann("int")),
                Param("lo", Ann("int"), Literal("int", "0")),
                Param("key", Ann(Name("typing.Callable", new AnnotationNode(AnnotationKind.List, null, [Name("int")], null), Name("int"))), Expression("..."))) with { Decorators = ["overload"] },
            Function("bisect_left", null, Param("a"), Param("x"), Param("lo"), Param("key")));

        CollectionAssert.AreEqual(new[]
        {
            "long BisectLeft(IEnumerable<long>, long, long=0, PyObject?=null)",
            "long BisectLeft(IEnumerable<long>, long, long, Func<long, long>?)",
        }, Signatures(module));
        Assert.IsTrue(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Message && d.Text.Contains("ambiguous", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void UnionParametersGiveOneOverloadPerCombination()
    {
        var (module, diagnostics) = Plan(Function("area", Ann("float"),
            Param("a", Ann(Union(Name("int"), Name("float")))),
            Param("b", Ann(Name("typing.Union", Name("str"), Name("bytes"))))));

        CollectionAssert.AreEqual(new[]
        {
            "double Area(long, string)",
            "double Area(long, byte[])",
            "double Area(double, string)",
            "double Area(double, byte[])",
        }, Signatures(module));
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void OptionalUnionKeepsNoneInEveryOverloadAndTheDefaultOnlyInTheFirst()
    {
        var (module, _) = Plan(Function("label", Ann("str"),
            Param("value", Ann(Union(Name("int"), Name("str"), None)), Literal("none", null))));

        CollectionAssert.AreEqual(new[] { "string Label(long?=null)", "string Label(string?)" }, Signatures(module));
        Assert.AreEqual(NullMeaning.None, module.Functions[1].Parameters[0].Null);
    }

    [TestMethod]
    public void AlternativesWithTheSameCSharpTypeAreOneOverload()
    {
        var (module, diagnostics) = Plan(Function("total", Ann("int"),
            Param("xs", Ann(Union(Name("list", Name("int")), Name("typing.Sequence", Name("int")), Name("tuple", Name("int"), Ellipsis))))));

        CollectionAssert.AreEqual(new[] { "long Total(IEnumerable<long>)" }, Signatures(module));
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("same C# parameter types")));
    }

    [TestMethod]
    public void UnionReturnIsPyObjectWithoutAWarning()
    {
        var (module, diagnostics) = Plan(Function("parse", Ann(Union(Name("int"), Name("str"))), Param("text", Ann("str"))));

        Assert.AreEqual("PyObject", GeneratedCode.Readable(module.Functions.Single().ReturnType!.Spelling));
        Assert.IsFalse(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning));
    }

    [TestMethod]
    public void TooManyCombinationsFallBackToPyObjectWithAWarning()
    {
        var parameters = Enumerable.Range(0, 5).Select(i => Param("p" + i, Ann(Union(Name("int"), Name("str"))))).ToArray();
        var (module, diagnostics) = Plan(Function("wide", Ann("int"), parameters));

        var only = module.Functions.Single();
        Assert.IsTrue(only.Parameters.All(p => GeneratedCode.Readable(p.DeclaredType) == "PyObject"));
        Assert.IsTrue(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning && d.Text.Contains("32 C# overloads")));
    }

    [TestMethod]
    public void OverloadStubsGiveOneMethodEachAndTheImplementationIsNotWrapped()
    {
        var (module, diagnostics) = Plan(
            Function("scale", Ann("int"), Param("x", Ann("int"))) with { Decorators = ["overload"] },
            Function("scale", Ann("float"), Param("x", Ann("float"))) with { Decorators = ["typing.overload"] },
            Function("scale", null, Param("x")),
            Function("other", Ann("int")));

        CollectionAssert.AreEqual(new[] { "long Scale(long)", "double Scale(double)", "long Other()" }, Signatures(module));
        Assert.AreEqual(2, module.Functions.Count(f => f.PythonName == "scale"));
        Assert.IsFalse(diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), string.Join("\n", diagnostics));
    }

    [TestMethod]
    public void OverloadStubsWithTheSameParameterTypesKeepTheFirst()
    {
        var (module, _) = Plan(
            Function("pick", Ann("int"), Param("x", Ann("int"))) with { Decorators = ["overload"] },
            Function("pick", Ann("str"), Param("y", Ann("int"))) with { Decorators = ["overload"] },
            Function("pick", null, Param("x")));

        CollectionAssert.AreEqual(new[] { "long Pick(long)" }, Signatures(module));
    }

    [TestMethod]
    public void OverloadsKeepOneNameAndACollidingFunctionTakesTheEscape()
    {
        var (module, diagnostics) = Plan(
            Function("get_value", Ann("int"), Param("x", Ann(Union(Name("int"), Name("str"))))),
            Function("getValue", Ann("int")));

        CollectionAssert.AreEqual(new[] { "GetValue", "GetValue", "GetValue_" }, module.Functions.Select(f => f.MethodName).ToArray());
        Assert.AreEqual(1, diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning && d.Code == "CSPY3003"));
    }
}
