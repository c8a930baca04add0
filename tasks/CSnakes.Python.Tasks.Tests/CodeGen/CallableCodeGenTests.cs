using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary><c>Callable[[A, B], R]</c> parameters become Func/Action delegates (docs/type-mapping.md).</summary>
[TestClass]
public sealed class CallableCodeGenTests
{
    private static AnnotationNode Args(params AnnotationNode[] types) => new(AnnotationKind.List, null, types, null);

    private static AnnotationNode Callable(AnnotationNode parameters, AnnotationNode result, string name = "typing.Callable") =>
        Name(name, parameters, result);

    public static IEnumerable<object[]> MappedCallables =>
    [
        // annotation, parameter spelling, converter expression
        [Callable(Args(Name("int")), Name("int")), "Func<long, long>", "new FuncConverter<long, long>(IntConverter.Instance, IntConverter.Instance)"],
        [Callable(Args(Name("int"), Name("str")), Name("bool"), "collections.abc.Callable"), "Func<long, string, bool>", "new FuncConverter<long, string, bool>(IntConverter.Instance, StrConverter.Instance, BoolConverter.Instance)"],
        [Callable(Args(), Name("float")), "Func<double>", "new FuncConverter<double>(FloatConverter.Instance)"],
        [Callable(Args(Name("str")), None), "Action<string>", "new ActionConverter<string>(StrConverter.Instance)"],
        [Callable(Args(), None), "Action", "ActionConverter.Instance"],
        [Callable(Args(Name("int"), Name("int"), Name("int"), Name("int")), Name("int")), "Func<long, long, long, long, long>", "new FuncConverter<long, long, long, long, long>(IntConverter.Instance, IntConverter.Instance, IntConverter.Instance, IntConverter.Instance, IntConverter.Instance)"],
        // Arguments come from Python (mapped as returns: IReadOnlyList), the result goes to Python.
        [Callable(Args(Name("list", Name("int"))), Name("typing.Any")), "Func<IReadOnlyList<long>, PyObject>", "new FuncConverter<IReadOnlyList<long>, PyObject>(new ListConverter<long>(IntConverter.Instance), PyObjectConverter.Instance)"],
        [Callable(Args(Name("collections.abc.Buffer")), None), "Action<IPyBuffer>", "new ActionConverter<IPyBuffer>(BufferConverter.Instance)"],
        [Name("typing.Optional", Callable(Args(Name("int")), Name("int"))), "Func<long, long>?", "new OptionalConverter<Func<long, long>>(new FuncConverter<long, long>(IntConverter.Instance, IntConverter.Instance))"],
    ];

    [TestMethod]
    [DynamicData(nameof(MappedCallables))]
    public void CallableParametersMapToDelegates(object annotation, string spelling, string converter)
    {
        var mapping = TypeMapper.MapParameter(Ann((AnnotationNode)annotation));
        Assert.IsNull(mapping.Problem, mapping.Problem);
        Assert.AreEqual(spelling, GeneratedCode.Readable(mapping.Type!.ParameterSpelling));
        Assert.AreEqual(converter, GeneratedCode.Readable(mapping.Type.ConverterExpression));
    }

    public static IEnumerable<object[]> UnmappedCallables =>
    [
        [Callable(Ellipsis, Name("int")), "Callable[..., R]"],
        [Name("typing.Callable"), "argument types and result"],
        [Name("typing.Callable", Name("int")), "argument types and result"],
        [Callable(Args(Name("numpy.ndarray")), Name("int")), "numpy.ndarray"],
        [Callable(Args(Name("int")), Name("numpy.ndarray")), "numpy.ndarray"],
        [Callable(Args(Name("int"), Name("int"), Name("int"), Name("int"), Name("int")), Name("int")), "more than 4 arguments"],
        // A callable's arguments come from Python: a callable there would have to be returned to C#.
        [Callable(Args(Callable(Args(), Name("int"))), Name("int")), "returned to C#"],
    ];

    [TestMethod]
    [DynamicData(nameof(UnmappedCallables))]
    public void OtherCallablesStayPyObjectWithAProblem(object annotation, string problemPart)
    {
        var mapping = TypeMapper.MapParameter(Ann((AnnotationNode)annotation));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(mapping.Type!.Spelling));
        Assert.IsNotNull(mapping.Problem);
        StringAssert.Contains(mapping.Problem, problemPart);
    }

    [TestMethod]
    public void AReturnedCallableIsAPyObject()
    {
        var mapping = TypeMapper.MapReturn(Ann(Callable(Args(Name("int")), Name("int"))));
        Assert.AreEqual("PyObject", GeneratedCode.Readable(mapping.Type!.Spelling));
        StringAssert.Contains(mapping.Problem, "returned to C#");
    }

    [TestMethod]
    public void TheWrapperTakesADelegateAndConvertsItThroughPyCall()
    {
        var file = File(
            Function("apply_twice", Ann("int"),
                Param("f", Ann(Callable(Args(Name("int")), Name("int")))),
                Param("x", Ann("int"))),
            Function("each", Ann(None),
                Param("items", Ann(Name("list", Name("str")))),
                Param("visit", Ann(Callable(Args(Name("str")), None)))),
            Function("notify", Ann(None),
                Param("done", Ann(Name("typing.Optional", Callable(Args(), None))), Literal("none", null))));
        var module = WrapperPlanner.Plan("Forecast", "demo", "/p/demo.py", file, out var diagnostics);
        var code = GeneratedCode.Emit(module, "demo.py");

        Assert.IsFalse(diagnostics.Any(d => d.Code == "CSPY3001"), string.Join("\n", diagnostics.Select(d => d.Text)));
        StringAssert.Contains(code, "long ApplyTwice(Func<long, long> f, long x);");
        StringAssert.Contains(code, "private static readonly FuncConverter<long, long> s_funcOfIntToInt = new FuncConverter<long, long>(IntConverter.Instance, IntConverter.Instance);");
        StringAssert.Contains(code, "__call.Add(s_funcOfIntToInt, f);");
        StringAssert.Contains(code, "void Each(IEnumerable<string> items, Action<string> visit);");
        StringAssert.Contains(code, "__call.Add(s_actionOfStr, visit);");
        StringAssert.Contains(code, "void Notify(Action? done = null);");
    }
}
