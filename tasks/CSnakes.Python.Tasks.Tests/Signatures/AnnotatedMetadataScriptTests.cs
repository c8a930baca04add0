using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>The reader reports <c>Annotated</c> metadata as values, not as forward-reference type names.</summary>
[TestClass]
public sealed class AnnotatedMetadataScriptTests
{
    private const string Source = """
        import typing as t
        from typing import Annotated
        from typing_extensions import Annotated as TxAnnotated

        def f(a: Annotated[int, "BigInteger"], b: t.Annotated["list[int]", 'unit', 3], c: TxAnnotated[str, "x"]) -> None: ...
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void MetadataStringsStayQuotedWhileTheTypeIsParsed(string version)
    {
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("sample.py", Source)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var file = result.Report!.Files.Single();
        var parameters = file.Functions!.Single().Parameters.ToDictionary(p => p.Name, p => p.Annotation!.Type);

        var a = parameters["a"];
        Assert.AreEqual("typing.Annotated", a.Name);
        Assert.AreEqual("int", a.Arguments[0].Name);
        Assert.AreEqual((AnnotationKind.Other, "'BigInteger'"), (a.Arguments[1].Kind, a.Arguments[1].Text));

        var b = parameters["b"];
        Assert.AreEqual("list", b.Arguments[0].Name, "the type itself is still a forward reference");
        Assert.AreEqual("int", b.Arguments[0].Arguments[0].Name);
        CollectionAssert.AreEqual(new[] { "'unit'", "3" }, b.Arguments.Skip(1).Select(m => m.Text).ToArray());

        var c = parameters["c"];
        Assert.AreEqual("typing_extensions.Annotated", c.Name);
        Assert.AreEqual((AnnotationKind.Other, "'x'"), (c.Arguments[1].Kind, c.Arguments[1].Text));
    }
}
