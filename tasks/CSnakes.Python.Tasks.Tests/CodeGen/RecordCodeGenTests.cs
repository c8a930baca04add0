using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>Dataclasses, NamedTuples and TypedDicts of the module become generated C# records.</summary>
[TestClass]
public sealed class RecordCodeGenTests
{
    private static readonly PythonRecord Point = new("Point", RecordKind.Dataclass, 3, 1,
    [
        new("x", 4, Ann("int"), null),
        new("label", 5, Ann("str"), Literal("str", "origin", "'origin'")),
    ]);

    private static readonly PythonRecord Segment = new("Segment", RecordKind.NamedTuple, 8, 1,
    [
        new("start", 9, Ann("Point"), null),
        new("tags", 10, Ann(Name("list", Name("str"))), Expression("field(default_factory=list)")),
    ]);

    private static readonly PythonRecord Options = new("Options", RecordKind.TypedDict, 12, 1, [new("max_count", 13, Ann("int"), null)]);

    private static (ModuleWrapper Module, IReadOnlyList<GenerationDiagnostic> Diagnostics, string Code) Generate(params PythonFunction[] functions)
    {
        var file = File(functions) with { Records = [Point, Segment, Options] };
        var module = WrapperPlanner.Plan("App", "geo", "/p/geo.py", file, out var diagnostics);
        return (module, diagnostics, GeneratedCode.Emit(module, "geo.py"));
    }

    [TestMethod]
    public void ADataclassMapsToARecordUsableAsParameterReturnAndElement()
    {
        var (module, _, code) = Generate(Function("walk", Ann(Name("list", Name("Point"))), Param("p", Ann("Point"))));

        var walk = module.Functions.Single();
        Assert.AreEqual("IReadOnlyList<Point>", GeneratedCode.Readable(walk.ReturnType!.Spelling));
        Assert.AreEqual("Point", GeneratedCode.Readable(walk.Parameters[0].DeclaredType));
        StringAssert.Contains(code, "public sealed record Point(long X, string Label = \"origin\")\n    {");
        StringAssert.Contains(code, "internal static readonly RecordConverter<Point> PythonConverter = new(");
        StringAssert.Contains(code, "\"geo\", \"Point\", RecordShape.Attributes, [\"x\", \"label\"],");
        StringAssert.Contains(code, "static f => new Point(s_field0.FromPython(f[0]), s_field1.FromPython(f[1])),");
        StringAssert.Contains(code, "static r => [s_field0.ToPython(r.X), s_field1.ToPython(r.Label)]);");
        StringAssert.Contains(code, "new ListConverter<Point>(Point.PythonConverter)");
    }

    [TestMethod]
    public void ARecordFieldMayBeAnotherRecordAndANonLiteralDefaultMakesItRequired()
    {
        var (module, diagnostics, code) = Generate();

        CollectionAssert.AreEqual(new[] { "Point", "Segment", "Options" }, module.Records!.Select(r => r.Name).ToArray());
        StringAssert.Contains(code, "public sealed record Segment(Point Start, IReadOnlyList<string> Tags)");
        StringAssert.Contains(code, "private static readonly RecordConverter<Point> s_field0 = Point.PythonConverter;");
        var note = diagnostics.Single(d => d.Line == 10);
        Assert.AreEqual(DiagnosticCodes.DefaultMadeRequired, note.Code);
        StringAssert.Contains(note.Text, "geo.Segment.tags");
        StringAssert.Contains(note.Text, "field(default_factory=list)");
    }

    [TestMethod]
    public void AFieldWhoseDefaultIsNoneIsNullableEvenWhenItsAnnotationSaysNot()
    {
        // mypy's message_registry.ErrorMessage: `code: ErrorCode | None = None`, where ErrorCode is unmapped (PyObject).
        var tagged = new PythonRecord("Tagged", RecordKind.NamedTuple, 3, 1,
        [
            new("value", 4, Ann("str"), null),
            new("code", 5, Ann(Union(Name("errorcodes.ErrorCode"), None)), Literal("none", null)),
            new("count", 6, Ann("int"), Literal("none", null)),
        ]);
        var file = File(Function("tag", Ann("Tagged"))) with { Records = [tagged] };
        var module = WrapperPlanner.Plan("App", "geo", "/p/geo.py", file, out _);
        var code = GeneratedCode.Emit(module, "geo.py");

        StringAssert.Contains(code, "public sealed record Tagged(string Value, PyObject? Code = null, long? Count = null)");
        StringAssert.Contains(code, "new OptionalConverter<PyObject>(PyObjectConverter.Instance)");
        StringAssert.Contains(code, "new NullableConverter<long>(IntConverter.Instance)");
    }

    [TestMethod]
    public void ATypedDictTravelsAsADictionary()
    {
        var (_, _, code) = Generate(Function("configure", Ann("Options")));

        StringAssert.Contains(code, "public sealed record Options(long MaxCount)");
        StringAssert.Contains(code, "\"geo\", \"Options\", RecordShape.Dictionary, [\"max_count\"],");
    }

    [TestMethod]
    public void ARecordThatRefersToItselfGetsAPyObjectFieldAndAWarning()
    {
        var node = new PythonRecord("Node", RecordKind.Dataclass, 1, 1, [new("next", 2, Ann(Name("typing.Optional", Name("Node"))), Literal("none", null))]);
        var module = WrapperPlanner.Plan("App", "tree", "/p/tree.py", File() with { Records = [node] }, out var diagnostics);

        // Nullable: its default is None (before, `PyObject Next = null`, a nullable warning in the user's build).
        Assert.AreEqual("PyObject?", GeneratedCode.Readable(module.Records!.Single().Fields[0].Type.Spelling));
        Assert.IsTrue(diagnostics.Any(d => d.Line == 2 && d.Code == DiagnosticCodes.UnmappedAnnotation && d.Text.Contains("tree.Node.next", StringComparison.Ordinal)));
    }
}
