using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary><c>async def</c> and <c>Coroutine[Any, Any, T]</c> → <c>Task&lt;T&gt;</c> with a trailing CancellationToken.</summary>
[TestClass]
public sealed class AsyncCodeGenTests
{
    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics) Plan(params PythonFunction[] functions)
    {
        var module = WrapperPlanner.Plan("web", "/p/web.py", File(functions), out var diagnostics);
        return (module, diagnostics);
    }

    private static string Emit(params PythonFunction[] functions) =>
        WrapperEmitter.Emit(Plan(functions).Module, "App", "web.py");

    [TestMethod]
    public void AnAsyncDefBecomesATaskOfItsReturnTypeWithACancellationToken()
    {
        var code = Emit(Function("fetch", Ann("bytes"), Param("url", Ann("str")), Param("retries", Ann("int"), Literal("int", "3"))) with { IsAsync = true });

        StringAssert.Contains(code, "Task<byte[]> Fetch(string url, long retries = 3, CancellationToken cancellationToken = default);\n");
        StringAssert.Contains(code, "Task<byte[]> IWeb.Fetch(string url, long retries, CancellationToken cancellationToken)\n");
        StringAssert.Contains(code, "using var __coroutine = __call.InvokeObject(_fnFetch);\n");
        StringAssert.Contains(code, "return PythonCoroutine.Run(__coroutine, BytesConverter.Instance, \"web.fetch\", cancellationToken);\n");
        StringAssert.Contains(code, "using System.Threading.Tasks;\n");
        StringAssert.Contains(code, "using CSnakes.Runtime.Async;\n");
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
        Assert.AreEqual("IReadOnlyList<long>", function.ReturnType!.Spelling);
        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        StringAssert.Contains(WrapperEmitter.Emit(module, "App", "web.py"), "Task<IReadOnlyList<long>> Numbers(CancellationToken cancellationToken = default);\n");
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

        Assert.IsFalse(diagnostics.Any(d => d.Code == DiagnosticCodes.AsyncNotSupported));
        Assert.AreEqual("cancellationToken2", module.Functions.Single().Parameters.Single().CSharpName);
        StringAssert.Contains(WrapperEmitter.Emit(module, "App", "web.py"), "Task<long> Wait(long cancellationToken2, CancellationToken cancellationToken = default);\n");
    }

    [TestMethod]
    [DataRow("typing.AsyncIterator")]
    [DataRow("collections.abc.AsyncGenerator")]
    public void AnAsyncGeneratorStillWarnsAndGetsNoMethod(string annotation)
    {
        var (module, diagnostics) = Plan(Function("stream", Ann(Name(annotation, Name("int")))) with { IsAsync = true, Line = 7 });

        Assert.AreEqual(0, module.Functions.Count);
        var warning = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Warning);
        Assert.AreEqual(DiagnosticCodes.AsyncNotSupported, warning.Code);
        Assert.AreEqual(7, warning.Line);
        StringAssert.Contains(warning.Text, "async generator");
        StringAssert.Contains(warning.Text, "IAsyncEnumerable<T>");
    }

    [TestMethod]
    public void ModulesWithoutAsyncFunctionsDoNotImportTasks()
    {
        var code = Emit(Function("plain", Ann("int")));

        Assert.IsFalse(code.Contains("System.Threading", StringComparison.Ordinal));
    }
}
