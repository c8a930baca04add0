using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The reader reports dataclasses, NamedTuples and TypedDicts with their fields in order.</summary>
[TestClass]
public sealed class RecordReaderScriptTests
{
    private const string Source = """
        from dataclasses import dataclass, field
        import dataclasses
        import typing
        from typing import ClassVar, NamedTuple, TypedDict

        @dataclass
        class Point:
            x: int
            y: float = 1.5
            tags: list[str] = field(default_factory=list)
            count: ClassVar[int] = 0

        @dataclasses.dataclass(frozen=True)
        class Frozen:
            a: str

        class Pair(NamedTuple):
            a: str
            b: int = 3

        class Options(typing.TypedDict):
            name: str

        class Plain:
            x: int
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void RecordClassesAreReportedWithOrderedFields(string version)
    {
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("sample.py", Source)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var records = result.Report!.Files.Single().Records!.ToDictionary(r => r.Name);

        CollectionAssert.AreEquivalent(new[] { "Point", "Frozen", "Pair", "Options" }, records.Keys.ToArray());
        Assert.AreEqual("dataclass", records["Point"].Kind);
        Assert.AreEqual(7, records["Point"].Line);
        CollectionAssert.AreEqual(new[] { "x:int:", "y:float:float", "tags:list[str]:expression" },
            records["Point"].Fields.Select(f => $"{f.Name}:{f.Annotation!.Text}:{f.Default?.Kind}").ToArray());
        Assert.AreEqual("1.5", records["Point"].Fields[1].Default!.Value);
        Assert.AreEqual("dataclass", records["Frozen"].Kind);
        Assert.AreEqual("namedtuple", records["Pair"].Kind);
        Assert.AreEqual("3", records["Pair"].Fields[1].Default!.Value);
        Assert.AreEqual("typeddict", records["Options"].Kind);
    }
}
