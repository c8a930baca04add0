using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// <c>async def</c> and <c>Coroutine[Any, Any, T]</c> → <c>Task&lt;T&gt;</c>; <c>AsyncIterator[T]</c> and kin →
/// <c>IAsyncEnumerable&lt;T&gt;</c>; both with a trailing CancellationToken.
/// </summary>
[TestClass]
public sealed class AsyncCodeGenTests
{
    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics) Plan(params PythonFunction[] functions)
    {
        var module = WrapperPlanner.Plan("App", "web", "/p/web.py", File(functions), out var diagnostics);
        return (module, diagnostics);
    }

    private static string Emit(params PythonFunction[] functions) =>
        GeneratedCode.Emit(Plan(functions).Module, "web.py");

    [TestMethod]
    public void AnAsyncDefBecomesATaskOfItsReturnTypeWithACancellationToken()
    {
        var code = Emit(Function("fetch", Ann("bytes"), Param("url", Ann("str")), Param("retries", Ann("int"), Literal("int", "3"))) with { IsAsync = true });

        StringAssert.Contains(code, "Task<byte[]> Fetch(string url, long retries = 3, CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "Task<byte[]> IWeb.Fetch(string url, long retries, CancellationToken cancellationToken)\n");
        StringAssert.Contains(code, "using var __coroutine = __call.InvokeObject(__function);\n");
        StringAssert.Contains(code, "return PythonCoroutine.Run(__coroutine, BytesConverter.Instance, \"web.fetch\", cancellationToken);\n");
        StringAssert.Contains(code, "/// Python: <c>async def fetch(url: str, retries: int = 3) -&gt; bytes</c>\n");
    }

    [TestMethod]
    public void AnAsyncDefReturningNoneIsAPlainTask()
    {
        var code = Emit(Function("ping", Ann(None)) with { IsAsync = true });

        StringAssert.Contains(code, "Task Ping(CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "return PythonCoroutine.Run(__coroutine, \"web.ping\", cancellationToken);\n");
    }

    [TestMethod]
    public void ACoroutineAnnotationOnAPlainDefIsATaskOfItsResult()
    {
        var coroutine = Ann(Name("typing.Coroutine", Name("typing.Any"), Name("typing.Any"), Name("list", Name("int"))));
        var (module, diagnostics) = Plan(Function("numbers", coroutine));

        var function = module.Functions.Single();
        Assert.IsTrue(function.IsAsync);
        Assert.AreEqual("IReadOnlyList<long>", GeneratedCode.Readable(function.ReturnType!.Spelling));
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        StringAssert.Contains(GeneratedCode.Emit(module, "web.py"), "Task<IReadOnlyList<long>> Numbers(CancellationToken cancellationToken = default);\n");
    }

    [TestMethod]
    [DataRow("typing.Awaitable")]
    [DataRow("collections.abc.Awaitable")]
    [DataRow("asyncio.Future")]
    [DataRow("asyncio.Task")]
    public void AnAwaitableReturnIsATaskOfWhatItGives(string awaitable)
    {
        var (module, diagnostics) = Plan(Function("later", Ann(Name(awaitable, Name("str")))));

        var function = module.Functions.Single();
        Assert.IsTrue(function.IsAsync);
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        var code = GeneratedCode.Emit(module, "web.py");
        StringAssert.Contains(code, "Task<string> Later(CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "return PythonCoroutine.Run(__coroutine, StrConverter.Instance, \"web.later\", cancellationToken);\n");
    }

    [TestMethod]
    public void AnAwaitableOfTheWrongShapeIsNotATask()
    {
        var (module, _) = Plan(Function("odd", Ann(Name("typing.Awaitable", Name("int"), Name("str")))));

        Assert.IsFalse(module.Functions.Single().IsAsync);
    }

    [TestMethod]
    public void AnUnannotatedOrAnyAsyncDefIsATaskOfPyObjectThroughItsConverter()
    {
        var code = Emit(Function("anything", null) with { IsAsync = true });

        StringAssert.Contains(code, "Task<PyObject> Anything(CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "return PythonCoroutine.Run(__coroutine, PyObjectConverter.Instance, \"web.anything\", cancellationToken);\n");
    }

    [TestMethod]
    public void AnAsyncDefNoLongerWarnsAndAPythonParameterNamedCancellationTokenIsRenamed()
    {
        var (module, diagnostics) = Plan(Function("wait", Ann("int"), Param("cancellation_token", Ann("int"))) with { IsAsync = true });

        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        Assert.AreEqual("cancellationToken2", module.Functions.Single().Parameters.Single().CSharpName);
        StringAssert.Contains(GeneratedCode.Emit(module, "web.py"), "Task<long> Wait(long cancellationToken2, CancellationToken cancellationToken = default);\n");
    }

    [TestMethod]
    [DataRow("typing.AsyncIterator", true)]
    [DataRow("collections.abc.AsyncIterator", true)]
    [DataRow("typing.AsyncGenerator", true)]
    [DataRow("collections.abc.AsyncGenerator", true)]
    [DataRow("typing.AsyncIterable", true)]
    [DataRow("collections.abc.AsyncIterable", false)]
    [DataRow("typing_extensions.AsyncIterator", false)]
    public void AnAsyncIteratorAnnotationBecomesAnAsyncEnumerableWithACancellationToken(string annotation, bool isAsyncDef)
    {
        var returns = annotation.EndsWith("AsyncGenerator", StringComparison.Ordinal)
            ? Ann(Name(annotation, Name("int"), None))
            : Ann(Name(annotation, Name("int")));
        var (module, diagnostics) = Plan(Function("stream", returns, Param("count", Ann("int"))) with { IsAsync = isAsyncDef, Line = 7 });

        var function = module.Functions.Single();
        Assert.IsTrue(function.IsAsyncIterator);
        Assert.IsFalse(function.IsAsync);
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        var code = GeneratedCode.Emit(module, "web.py");
        StringAssert.Contains(code, "IAsyncEnumerable<long> Stream(long count, CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "IAsyncEnumerable<long> IWeb.Stream(long count, CancellationToken cancellationToken)\n");
        StringAssert.Contains(code, "using var __iterator = __call.InvokeObject(__function);\n");
        StringAssert.Contains(code, "return PythonAsyncIterator.Enumerate(__iterator, IntConverter.Instance, \"web.stream\", cancellationToken);\n");
        Assert.IsFalse(code.Contains("PythonCoroutine", StringComparison.Ordinal));
    }

    [TestMethod]
    public void AnAsyncIteratorOfCollectionsUsesAConverterField()
    {
        var code = Emit(Function("batches", Ann(Name("typing.AsyncIterator", Name("list", Name("str"))))) with { IsAsync = true });

        StringAssert.Contains(code, "IAsyncEnumerable<IReadOnlyList<string>> Batches(CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "private static readonly ListConverter<string> s_listOfStr = new ListConverter<string>(StrConverter.Instance);\n");
        StringAssert.Contains(code, "return PythonAsyncIterator.Enumerate(__iterator, s_listOfStr, \"web.batches\", cancellationToken);\n");
    }

    [TestMethod]
    public void ABareOrNoneAsyncIteratorYieldsPyObjectsSilently()
    {
        var (module, diagnostics) = Plan(
            Function("anything", Ann(Name("typing.AsyncIterator"))) with { IsAsync = true },
            Function("nones", Ann(Name("typing.AsyncIterator", None))) with { IsAsync = true });

        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        var code = GeneratedCode.Emit(module, "web.py");
        StringAssert.Contains(code, "IAsyncEnumerable<PyObject> Anything(CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "IAsyncEnumerable<PyObject> Nones(CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "return PythonAsyncIterator.Enumerate(__iterator, PyObjectConverter.Instance, \"web.nones\", cancellationToken);\n");
    }

    [TestMethod]
    public void AnUnmappableItemTypeIsPyObjectWithCspy3001()
    {
        var (module, diagnostics) = Plan(Function("odd", Ann(Name("typing.AsyncIterator", Name("mystery.Thing")))) with { IsAsync = true, Line = 4 });

        var warning = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Warning);
        Assert.AreEqual(DiagnosticCodes.UnmappedAnnotation, warning.Code);
        StringAssert.Contains(warning.Text, "IAsyncEnumerable<PyObject>");
        StringAssert.Contains(GeneratedCode.Emit(module, "web.py"), "IAsyncEnumerable<PyObject> Odd(CancellationToken cancellationToken = default);\n");
    }

    [TestMethod]
    public void AnAsyncGeneratorNoLongerWarnsWithCspy3005()
    {
        var (module, diagnostics) = Plan(Function("stream", Ann(Name("typing.AsyncGenerator", Name("str"), None))) with { IsAsync = true });

        Assert.AreEqual(1, module.Functions.Count);
        Assert.IsFalse(diagnostics.Any(d => d.Code == "CSPY3005"));
    }

    [TestMethod]
    public void ModulesWithoutAsyncFunctionsDoNotImportTasks()
    {
        var code = Emit(Function("plain", Ann("int")));

        Assert.IsFalse(code.Contains("System.Threading", StringComparison.Ordinal));
    }
}
