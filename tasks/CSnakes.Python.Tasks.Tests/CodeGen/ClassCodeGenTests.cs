using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>Plain Python classes with annotated members become generated C# wrapper classes.</summary>
[TestClass]
public sealed class ClassCodeGenTests
{
    private static PythonParameter Self => Param("self");

    private static PythonFunction Method(string name, PythonAnnotation? returns, params PythonParameter[] parameters) =>
        Function(name, returns, [Self, .. parameters]);

    private static PythonFunction Decorated(string decorator, PythonFunction function) => function with { Decorators = [decorator] };

    private static readonly PythonClass Counter = new("Counter", 5, 1, "Counts things.", false,
    [
        Method("__init__", Ann(None), Param("start", Ann("int"))),
        Method("increment", Ann("int"), Param("by", Ann("int"), Literal("int", "1"))),
        Method("merge", Ann("Counter"), Param("others", Ann(Name("list", Name("Counter"))))),
        Decorated("property", Method("value", Ann("int"))),
        Decorated("value.setter", Method("value", Ann(None), Param("v", Ann("int")))),
        Decorated("property", Method("history", Ann(Name("list", Name("int"))))),
        Decorated("history.setter", Method("history", Ann(None), Param("v", Ann(Name("list", Name("int")))))),
        Decorated("staticmethod", Function("zero", Ann("int"))),
        Method("_private", Ann("int")),
        Method("dispose", Ann(None)),
    ]);

    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics, string Code) Generate(IReadOnlyList<PythonClass> classes, params PythonFunction[] functions)
    {
        var file = File(functions) with { Classes = classes };
        var module = WrapperPlanner.Plan("App", "shop", "/p/shop.py", file, out var diagnostics);
        return (module, diagnostics, GeneratedCode.Emit(module, "shop.py"));
    }

    [TestMethod]
    public void AnnotatedMethodsBecomeMethodsWithoutSelf()
    {
        var (module, _, code) = Generate([Counter]);

        var wrapper = module.Classes!.Single();
        Assert.AreEqual("Counter", wrapper.Type.Name);
        CollectionAssert.AreEqual(new[] { "Increment", "Merge", "Zero", "Dispose_" }, wrapper.Methods.Select(m => m.MethodName).ToArray(),
            "private and special methods get no member (a static method gets a static one); a reserved name gets a trailing '_'");
        StringAssert.Contains(code, "public sealed class Counter : IDisposable\n    {");
        StringAssert.Contains(code, "internal static readonly ClassConverter<Counter> PythonConverter = new(\"shop\", \"Counter\", static o => new Counter(o), static c => c.PythonObject);");
        StringAssert.Contains(code, "public long Increment(long by = 1)\n");
        StringAssert.Contains(code, "using var __method = PythonObject.GetAttr(\"increment\");");
        StringAssert.Contains(code, "return __call.Invoke(__method, IntConverter.Instance, \"shop.Counter.increment\");");
        StringAssert.Contains(code, "public Counter Merge(IEnumerable<Counter> others)");
        StringAssert.Contains(code, "return __call.Invoke(__method, Counter.PythonConverter, \"shop.Counter.merge\");");
        StringAssert.Contains(code, "public void Dispose() => PythonObject.Dispose();");
        StringAssert.Contains(code, "/// Counts things.");
    }

    [TestMethod]
    public void TheClassConverterIsDeclaredBeforeFieldsThatUseIt()
    {
        var (_, _, code) = Generate([Counter]);

        var own = code.IndexOf("ClassConverter<Counter> PythonConverter", StringComparison.Ordinal);
        var list = code.IndexOf("new ListConverter<Counter>(Counter.PythonConverter)", StringComparison.Ordinal);
        Assert.IsTrue(own >= 0 && list > own, code);
    }

    [TestMethod]
    public void PropertiesAreGetOnlyUnlessASetterTakesTheSameType()
    {
        var (module, diagnostics, code) = Generate([Counter]);

        var properties = module.Classes!.Single().Properties.ToDictionary(p => p.PythonName);
        Assert.IsTrue(properties["value"].HasSetter);
        Assert.IsFalse(properties["history"].HasSetter, "IReadOnlyList<long> reads and IEnumerable<long> writes");
        StringAssert.Contains(code, "public long Value\n");
        StringAssert.Contains(code, "return IntConverter.Instance.FromPython(__value, \"shop.Counter.value\");");
        StringAssert.Contains(code, "using var __value = IntConverter.Instance.ToPython(value);");
        StringAssert.Contains(code, "PythonObject.SetAttr(\"value\", __value);");
        StringAssert.Contains(code, "public IReadOnlyList<long> History\n");
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("'Counter.history' has a setter", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void TheConstructorIsAModuleMethodFromInit()
    {
        var (module, _, code) = Generate([Counter]);

        var constructor = module.Functions.Single();
        Assert.AreEqual("NewCounter", constructor.MethodName);
        Assert.AreEqual("Counter", constructor.PythonName, "it calls the class object of the module");
        StringAssert.Contains(code, "Counter NewCounter(long start);");
        StringAssert.Contains(code, "_fnNewCounter = PythonModuleMembers.Find(module, \"Counter\");");
    }

    [TestMethod]
    public void AnnotationsNamingTheClassUseTheWrapper()
    {
        var (module, diagnostics, _) = Generate([Counter],
            Function("total", Ann(Name("typing.Optional", Name("Counter"))), Param("counters", Ann(Name("dict", Name("str"), Name("Counter"))))));

        var total = module.Functions.Single(f => f.PythonName == "total");
        Assert.AreEqual("Counter?", GeneratedCode.Readable(total.ReturnType!.Spelling));
        Assert.AreEqual("IReadOnlyDictionary<string, Counter>", GeneratedCode.Readable(total.Parameters[0].DeclaredType));
        Assert.IsFalse(diagnostics.Any(d => d.Code == "CSPY3001"), string.Join("\n", diagnostics.Select(d => d.Text)));
    }

    [TestMethod]
    public void AGenericClassesTypeArgumentsAreErased()
    {
        // class Box(Generic[T]) used as Box[int]: Python erases the argument when it runs, and so does the wrapper.
        var box = new PythonClass("Box", 1, 1, null, true, [Method("get", Ann("typing.Any"))]);
        var pair = new PythonRecord("Pair", RecordKind.Dataclass, 3, 1, [new("first", 4, Ann("typing.Any"), null)]);
        var file = File(Function("unbox", Ann(Name("Pair", Name("int"))), Param("b", Ann(Name("list", Name("Box", Name("int")))))))
            with { Classes = [box], Records = [pair] };
        var module = WrapperPlanner.Plan("App", "shop", "/p/shop.py", file, out var diagnostics);

        var unbox = module.Functions.Single(f => f.PythonName == "unbox");
        Assert.AreEqual("IEnumerable<Box>", GeneratedCode.Readable(unbox.Parameters[0].DeclaredType));
        Assert.AreEqual("Pair", GeneratedCode.Readable(unbox.ReturnType!.Spelling));
        Assert.IsFalse(diagnostics.Any(d => d.Code == "CSPY3001"), string.Join("\n", diagnostics.Select(d => d.Text)));
    }

    [TestMethod]
    public void AClassWithoutAnnotatedPublicMembersIsStillATypeThatAnnotationsName()
    {
        // Every public class is a C# type: other modules' annotations name it, and a typed handle says more than PyObject.
        var plain = new PythonClass("Plain", 1, 1, null, false, [Method("run", null, Param("x")), Method("_hidden", Ann("int"))]);
        var (module, _, code) = Generate([plain], Function("use", Ann("Plain")));

        Assert.AreEqual("Plain", module.Classes!.Single().Type.Name);
        Assert.AreEqual("global::App.ShopModule.Plain", module.Functions.Single(f => f.PythonName == "use").ReturnType!.Spelling);
        StringAssert.Contains(code, "class Plain");
    }

    [TestMethod]
    public void AnUnmappableMemberAnnotationIsPyObjectWithAWarning()
    {
        var odd = new PythonClass("Odd", 1, 1, null, false,
            [Method("get", Ann("numpy.ndarray")), Decorated("property", Method("shape", Ann(Name("numpy.ndarray"), line: 7)))]);
        var (module, diagnostics, code) = Generate([odd]);

        Assert.AreEqual("PyObject", GeneratedCode.Readable(module.Classes!.Single().Methods.Single().ReturnType!.Spelling));
        Assert.AreEqual(2, diagnostics.Count(d => d.Code == "CSPY3001" && d.Text.Contains("shop.Odd.", StringComparison.Ordinal)));
        StringAssert.Contains(code, "return PythonObject.GetAttr(\"shape\");");
    }

    [TestMethod]
    public void AClassWithBasesAndNoInitGetsNoConstructor()
    {
        var derived = new PythonClass("Derived", 1, 1, null, true, [Method("run", Ann("int"))]);
        var (module, diagnostics, _) = Generate([derived]);

        Assert.AreEqual(1, module.Classes!.Count);
        Assert.AreEqual(0, module.Functions.Count);
        Assert.IsTrue(diagnostics.Any(d => d.Text.Contains("gets no C# constructor method", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AConstructorNameCollidingWithAFunctionTakesTheEscape()
    {
        var (module, diagnostics, _) = Generate([Counter], Function("new_counter", Ann("int")));

        Assert.IsTrue(diagnostics.Any(d => d.Code == "CSPY3003" && d.Severity == DiagnosticSeverity.Warning && d.Text.Contains("would both become the C# method 'NewCounter'", StringComparison.Ordinal)));
        Assert.AreEqual(2, module.Functions.Count(f => f.MethodName.StartsWith("NewCounter", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AnAsyncMethodGetsACancellationToken()
    {
        var worker = new PythonClass("Worker", 1, 1, null, false, [Method("run", Ann("int")) with { IsAsync = true }]);
        var (_, _, code) = Generate([worker]);

        StringAssert.Contains(code, "public Task<long> Run(CancellationToken cancellationToken = default)");
        StringAssert.Contains(code, "return PythonCoroutine.Run(__coroutine, IntConverter.Instance, \"shop.Worker.run\", cancellationToken);");
    }
}
