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
        Assert.AreEqual(RecordKind.Dataclass, records["Point"].Kind);
        Assert.AreEqual(7, records["Point"].Line);
        CollectionAssert.AreEqual(new[] { "x:int:", "y:float:float", "tags:list[str]:expression" },
            records["Point"].Fields.Select(f => $"{f.Name}:{f.Annotation!.Text}:{f.Default?.Kind}").ToArray());
        Assert.AreEqual("1.5", records["Point"].Fields[1].Default!.Value);
        Assert.AreEqual(RecordKind.Dataclass, records["Frozen"].Kind);
        Assert.AreEqual(RecordKind.NamedTuple, records["Pair"].Kind);
        Assert.AreEqual("3", records["Pair"].Fields[1].Default!.Value);
        Assert.AreEqual(RecordKind.TypedDict, records["Options"].Kind);
    }

    private const string InheritanceSource = """
        from dataclasses import dataclass
        from typing import TypedDict

        @dataclass
        class Base:
            a: int
            b: str = "x"

        @dataclass
        class Middle(Base):
            c: float = 1.0

        @dataclass
        class Leaf(Middle):
            b: str = "y"
            d: bool = True

        class Extra:
            e: int

        @dataclass
        class Mixed(Extra, Base):
            f: int = 0

        class Options(TypedDict):
            name: str

        class MoreOptions(Options):
            retries: int
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void InheritedFieldsComeFirstInPythonsOrder(string version)
    {
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("sample.py", InheritanceSource)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var records = result.Report!.Files.Single().Records!.ToDictionary(r => r.Name);

        string Fields(string name) => string.Join(",", records[name].Fields.Select(f => $"{f.Name}={f.Default?.Value}"));
        Assert.AreEqual("a=,b=x,c=1.0", Fields("Middle"));
        // A redefined field keeps its inherited place and takes the new default.
        Assert.AreEqual("a=,b=y,c=1.0,d=true", Fields("Leaf"));
        // Bases that are not records of this module add nothing.
        Assert.AreEqual("a=,b=x,f=0", Fields("Mixed"));
        Assert.AreEqual(RecordKind.TypedDict, records["MoreOptions"].Kind);
        Assert.AreEqual("name=,retries=", Fields("MoreOptions"));
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void RecordMethodsAreReportedLikeClassMethods(string version)
    {
        const string source = """
            from dataclasses import dataclass
            from typing import NamedTuple, Self

            @dataclass
            class Point:
                x: float
                y: float

                def norm(self) -> float:
                    return (self.x ** 2 + self.y ** 2) ** 0.5

                @classmethod
                def origin(cls) -> "Self":
                    return cls(0, 0)

            class Pair(NamedTuple):
                a: int
                def swap(self) -> tuple[int]: ...
            """;
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("sample.py", source)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var records = result.Report!.Files.Single().Records!.ToDictionary(r => r.Name);

        CollectionAssert.AreEqual(new[] { "norm", "origin" }, records["Point"].Methods!.Select(m => m.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "self" }, records["Point"].Methods![0].Parameters.Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "classmethod" }, records["Point"].Methods![1].Decorators.ToArray());
        Assert.AreEqual("Point", records["Point"].Methods![1].Returns!.Type.Name, "Self is the record");
        Assert.AreEqual("swap", records["Pair"].Methods!.Single().Name);
        CollectionAssert.AreEqual(new[] { "x", "y" }, records["Point"].Fields.Select(f => f.Name).ToArray(), "methods are not fields");
    }
}
