using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.Signatures.ReaderRun;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>PEP 484: in a stub, leading parameters named <c>__x</c> are positional-only.</summary>
[TestClass]
public sealed class PositionalOnlyStubScriptTests
{
    private const string Source = """
        def f(__a: int, __b: str, c: int, __d: int, __e__: int) -> None: ...
        class K:
            def m(self, __x: int, *, y: int) -> None: ...
            def dunder(self, __other__: int) -> None: ...
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void LeadingDoubleUnderscoreParametersOfAStubArePositionalOnly(string version)
    {
        var f = Function(ReadOne(version, "stub.pyi", Source), "f");
        CollectionAssert.AreEqual(new[] { "a", "b", "c", "__d", "__e__" }, f.Parameters.Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(
            new[] { ParameterKinds.PositionalOnly, ParameterKinds.PositionalOnly, ParameterKinds.PositionalOrKeyword, ParameterKinds.PositionalOrKeyword, ParameterKinds.PositionalOrKeyword },
            f.Parameters.Select(p => p.Kind).ToArray());
        Assert.AreEqual("__a", f.Parameters[0].PythonName);
        Assert.IsNull(f.Parameters[2].PythonName);

        var methods = ReadOne(version, "stub.pyi", Source).Classes!.Single().Methods;
        CollectionAssert.AreEqual(new[] { "self", "x", "y" }, methods[0].Parameters.Select(p => p.Name).ToArray());
        Assert.AreEqual(ParameterKinds.PositionalOnly, methods[0].Parameters[1].Kind, "self may come first");
        Assert.AreEqual("__other__", methods[1].Parameters[1].Name, "a dunder name is not the convention");
    }

    [TestMethod]
    [DataRow("3.13.0")]
    public void ASourceFileKeepsItsNames(string version)
    {
        var f = Function(ReadOne(version, "module.py", Source), "f");
        Assert.AreEqual("__a", f.Parameters[0].Name);
        Assert.AreEqual(ParameterKinds.PositionalOrKeyword, f.Parameters[0].Kind);
    }
}
