using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The reader reports enum classes with their literal member values, and Literal arguments as values.</summary>
[TestClass]
public sealed class EnumReaderScriptTests
{
    private const string Source = """
        import enum
        from enum import IntEnum, auto
        from typing import Literal
        import typing as t

        class Color(enum.Enum):
            RED = "red"
            GREEN: str = "green"
            _ignore_ = "x"
            def describe(self): ...

        class Level(IntEnum):
            LOW = 1
            BELOW = -2

        class Counted(enum.Enum):
            A = auto()

        class Plain:
            X = 1

        def f(c: Color, m: Literal["a", 'b'], n: "t.Literal[1, -2]", x: Literal[True]) -> None: ...
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void EnumClassesAndLiteralValuesAreReported(string version)
    {
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("sample.py", Source)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var file = result.Report!.Files.Single();

        var enums = file.Enums!.ToDictionary(e => e.Name);
        CollectionAssert.AreEquivalent(new[] { "Color", "Level", "Counted" }, enums.Keys.ToArray());
        Assert.AreEqual("enum.Enum", enums["Color"].Base);
        Assert.AreEqual(6, enums["Color"].Line);
        CollectionAssert.AreEqual(new[] { "RED=str:red", "GREEN=str:green" }, enums["Color"].Members.Select(m => $"{m.Name}={m.Kind}:{m.Value}").ToArray());
        Assert.IsNull(enums["Color"].Problem);
        Assert.AreEqual("enum.IntEnum", enums["Level"].Base);
        CollectionAssert.AreEqual(new[] { "LOW=int:1", "BELOW=int:-2" }, enums["Level"].Members.Select(m => $"{m.Name}={m.Kind}:{m.Value}").ToArray());
        StringAssert.Contains(enums["Counted"].Problem, "auto()");

        var parameters = file.Functions!.Single().Parameters.ToDictionary(p => p.Name, p => p.Annotation!.Type);
        Assert.AreEqual("typing.Literal", parameters["m"].Name);
        CollectionAssert.AreEqual(new[] { "literal/str/a", "literal/str/b" }, parameters["m"].Arguments.Select(Render).ToArray());
        Assert.AreEqual("typing.Literal", parameters["n"].Name);
        CollectionAssert.AreEqual(new[] { "literal/int/1", "literal/int/-2" }, parameters["n"].Arguments.Select(Render).ToArray());
        CollectionAssert.AreEqual(new[] { "other//True" }, parameters["x"].Arguments.Select(Render).ToArray());
    }

    private static string Render(AnnotationNode node) => $"{node.Kind.ToString().ToLowerInvariant()}/{node.Name}/{node.Text}";
}
