using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// What the reader reports for the class members real packages write: static and class methods, <c>__new__</c>,
/// typed <c>*args</c>, and annotated class-level names (class constants and instance attributes).
/// </summary>
[TestClass]
public sealed class ClassMembersReaderScriptTests
{
    private const string Source = """
        import typing as t
        from typing import ClassVar, Final

        Number = int | float

        class Text:
            MAX: Final = 10
            OFFSET: t.Final = -2.5
            STYLE: ClassVar[str] = "bold"
            LIMIT: ClassVar[Final[Number]] = 3
            width: int
            height: Number = 2
            _private: int = 1
            later: Final[str]
            sentinel: Final = object()

            def __new__(cls, *args: str) -> t.Self: ...

            @classmethod
            def from_markup(cls, text: str, *extra: int) -> "Text": ...

            @staticmethod
            def blank(width: int = 0) -> "Text": ...
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void AnnotatedClassLevelNamesAreReportedAsClassOrInstanceAttributes(string version)
    {
        var text = ReaderRun.ReadOne(version, "sample.py", Source).Classes!.Single();
        var attributes = text.Attributes!.ToDictionary(a => a.Name);

        CollectionAssert.AreEqual(new[] { "MAX", "OFFSET", "STYLE", "LIMIT", "width", "height", "later", "sentinel" }, text.Attributes!.Select(a => a.Name).ToArray(),
            "public names only, in order");
        Assert.AreEqual("class", attributes["MAX"].Kind, "Final with a value belongs to the class");
        Assert.IsTrue(attributes["MAX"].Final);
        Assert.AreEqual("int", attributes["MAX"].Annotation!.Type.Name, "a bare Final takes the type of its literal");
        Assert.AreEqual("float", attributes["OFFSET"].Annotation!.Type.Name, "a negative literal too");
        Assert.AreEqual("class", attributes["STYLE"].Kind);
        Assert.AreEqual("str", attributes["STYLE"].Annotation!.Type.Name, "the ClassVar marker is taken off");
        Assert.AreEqual(AnnotationKind.Union, attributes["LIMIT"].Annotation!.Type.Kind, "both markers are taken off, and the alias is resolved");
        Assert.AreEqual("instance", attributes["width"].Kind);
        Assert.AreEqual("instance", attributes["height"].Kind, "a value without ClassVar is an instance attribute's default (PEP 526)");
        Assert.AreEqual("instance", attributes["later"].Kind, "a Final without a value is set in __init__");
        Assert.AreEqual("class", attributes["sentinel"].Kind);
        Assert.IsNull(attributes["sentinel"].Annotation, "nothing says the type of a non-literal value");
    }

    [TestMethod]
    [DataRow("3.13.0")]
    public void StaticClassMethodsNewAndTypedVarArgsKeepWhatTheGeneratorNeeds(string version)
    {
        var text = ReaderRun.ReadOne(version, "sample.py", Source).Classes!.Single();
        var methods = text.Methods.ToDictionary(m => m.Name);

        CollectionAssert.AreEqual(new[] { "cls", "args" }, methods["__new__"].Parameters.Select(p => p.Name).ToArray());
        Assert.AreEqual("Text", methods["__new__"].Returns!.Type.Name, "Self is the class");
        Assert.AreEqual(ParameterKinds.VarPositional, methods["__new__"].Parameters[1].Kind);
        Assert.AreEqual("str", methods["__new__"].Parameters[1].Annotation!.Type.Name);
        CollectionAssert.AreEqual(new[] { "classmethod" }, methods["from_markup"].Decorators.ToArray());
        CollectionAssert.AreEqual(new[] { "cls", "text", "extra" }, methods["from_markup"].Parameters.Select(p => p.Name).ToArray(), "cls is still first");
        CollectionAssert.AreEqual(new[] { "staticmethod" }, methods["blank"].Decorators.ToArray());
    }
}
