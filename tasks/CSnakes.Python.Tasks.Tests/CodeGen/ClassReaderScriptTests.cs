using CSnakes.Python.Tasks.Signatures;
using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>The reader reports module-level classes that are neither enums nor records, with their methods.</summary>
[TestClass]
public sealed class ClassReaderScriptTests
{
    private const string Source = """
        import dataclasses
        import enum

        class Color(enum.Enum):
            RED = 1

        @dataclasses.dataclass
        class Point:
            x: int

        class Counter:
            '''Counts.'''

            limit: int = 3

            def __init__(self, start: int) -> None:
                self._value = start

            def increment(self, by: int = 1) -> int:
                '''Adds by.'''
                self._value += by
                return self._value

            @property
            def value(self) -> int:
                return self._value

            @value.setter
            def value(self, new: int) -> None:
                self._value = new

            @staticmethod
            def zero() -> int:
                return 0

        class Derived(Counter):
            pass

        def outside() -> None: ...
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void PlainClassesAreReportedWithTheirMethods(string version)
    {
        using var temp = new TempFolder();
        var result = SignatureReader.Read(PyenvPython.Require(version), [temp.Write("sample.py", Source)]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);

        var file = result.Report!.Files.Single();
        var classes = file.Classes!.ToDictionary(c => c.Name);
        CollectionAssert.AreEquivalent(new[] { "Counter", "Derived" }, classes.Keys.ToArray(), "enums and records are reported elsewhere");
        var counter = classes["Counter"];
        Assert.AreEqual(11, counter.Line);
        Assert.AreEqual("Counts.", counter.Docstring);
        Assert.IsFalse(counter.HasBases);
        Assert.IsTrue(classes["Derived"].HasBases);
        CollectionAssert.AreEqual(new[] { "__init__", "increment", "value", "value", "zero" }, counter.Methods.Select(m => m.Name).ToArray());
        var increment = counter.Methods[1];
        CollectionAssert.AreEqual(new[] { "self", "by" }, increment.Parameters.Select(p => p.Name).ToArray(), "self is still first");
        Assert.AreEqual("1", increment.Parameters[1].Default!.Value);
        Assert.AreEqual("int", increment.Returns!.Text);
        Assert.AreEqual("Adds by.", increment.Docstring);
        CollectionAssert.AreEqual(new[] { "property" }, counter.Methods[2].Decorators.ToArray());
        CollectionAssert.AreEqual(new[] { "value.setter" }, counter.Methods[3].Decorators.ToArray());
        CollectionAssert.AreEqual(new[] { "staticmethod" }, counter.Methods[4].Decorators.ToArray());
        Assert.AreEqual("outside", file.Functions!.Single().Name, "methods are not module functions");
    }
}
