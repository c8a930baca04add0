using CSnakes.Python.Tasks.CodeGen;
using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;
using static CSnakes.Python.Tasks.Tests.CodeGen.Sig;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>TypedDict keys that may be missing (NotRequired[T], total=False) become nullable record members, default null.</summary>
[TestClass]
public sealed class OptionalTypedDictKeyTests
{
    private const string Source = """
        import typing
        from typing import TypedDict
        from typing_extensions import NotRequired, Required

        class Job(TypedDict):
            retries: NotRequired[int]
            name: str
            owner: typing.NotRequired[typing.Optional[str]]

        class Loose(TypedDict, total=False):
            a: int
            b: Required[str]

        class Stricter(Loose):
            c: float
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void TheReaderMarksKeysThatMayBeMissingAndUnwrapsTheirType(string version)
    {
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("jobs.py", Source)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var records = result.Report!.Files.Single().Records!.ToDictionary(r => r.Name);

        string Fields(string name) => string.Join(",", records[name].Fields.Select(f => $"{f.Name}:{f.Annotation!.Type.Name}:{f.Required}"));
        Assert.AreEqual("retries:int:False,name:str:True,owner:typing.Optional:False", Fields("Job"));
        Assert.AreEqual("a:int:False,b:str:True", Fields("Loose"));
        // total=False applies to the class's own keys only.
        Assert.AreEqual("a:int:False,b:str:True,c:float:True", Fields("Stricter"));
    }

    [TestMethod]
    public void KeysThatMayBeMissingAreNullableDefaultNullAndGoLast()
    {
        var job = new PythonRecord("Job", RecordKind.TypedDict, 3, 1,
        [
            new("retries", 4, Ann("int"), null, Required: false),
            new("name", 5, Ann("str"), null),
            new("owner", 6, Ann(Union(Name("str"), None)), null, Required: false),
        ]);
        var file = File(Function("run", Ann("Job"), Param("job", Ann("Job")))) with { Records = [job] };
        var module = WrapperPlanner.Plan("App", "jobs", "/p/jobs.py", file, out var diagnostics);
        var code = GeneratedCode.Emit(module, "jobs.py");

        Assert.IsFalse(diagnostics.Any(d => d.Severity != DiagnosticSeverity.Message));
        StringAssert.Contains(code, "public sealed record Job(string Name, long? Retries = null, string? Owner = null)\n");
        StringAssert.Contains(code, "\"jobs\", \"Job\", RecordShape.Dictionary, [\"name\", \"retries\", \"owner\"],");
        StringAssert.Contains(code, "omitWhenNone: [\"retries\", \"owner\"]);");
    }

    [TestMethod]
    public void ARecordWithoutOptionalKeysKeepsTheShortConstructor()
    {
        var options = new PythonRecord("Options", RecordKind.TypedDict, 3, 1, [new("name", 4, Ann("str"), null)]);
        var file = File(Function("run", Ann("Options"))) with { Records = [options] };
        var code = GeneratedCode.Emit(WrapperPlanner.Plan("App", "jobs", "/p/jobs.py", file, out _), "jobs.py");

        Assert.IsFalse(code.Contains("omitWhenNone", StringComparison.Ordinal));
    }
}
