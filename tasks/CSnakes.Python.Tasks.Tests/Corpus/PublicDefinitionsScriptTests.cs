using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.Corpus;

/// <summary>
/// The corpus tests' yardstick (public_definitions.py) must itself be right: it decides what applies to the
/// running interpreter the way a type checker does, or the corpus tests would ask for the wrong names.
/// </summary>
[TestClass]
public sealed class PublicDefinitionsScriptTests
{
    private const string Stub = """
        import sys
        from typing import TYPE_CHECKING, overload

        def always() -> None: ...
        def _private() -> None: ...
        if sys.version_info >= (3, 8):
            def since_38() -> None: ...
        else:
            def before_38() -> None: ...
        if sys.version_info < (3, 9):
            def until_38() -> None: ...
        elif sys.version_info[0] == 3:
            def three() -> None: ...
        if sys.version_info >= (99, 0):
            def future() -> None: ...
        if sys.platform == "win32":
            def windows() -> None: ...
        elif sys.platform.startswith("linux") and sys.version_info >= (3, 8):
            def linux() -> None: ...
        if not TYPE_CHECKING:
            def runtime_only() -> None: ...
        if some_flag:
            def unknown_then() -> None: ...
        else:
            def unknown_else() -> None: ...
        try:
            from fast import thing
            def tried() -> None: ...
        except ImportError:
            def fallback() -> None: ...
        except ValueError:
            def not_import() -> None: ...
        @overload
        def twice(a: int) -> int: ...
        @overload
        def twice(a: str) -> str: ...
        class Shape:
            def area(self) -> float: ...
            def _hidden(self) -> None: ...
            def __init__(self) -> None: ...
            if sys.version_info >= (99, 0):
                def later(self) -> None: ...
            class Inner: ...
        if sys.version_info >= (3, 8):
            class Modern:
                def go(self) -> None: ...
        """;

    [TestMethod]
    public void ListsWhatAppliesToTheRunningInterpreterOnLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("The fixture's sys.platform branches are written for Linux.");
        }
        using var folder = new TempFolder();
        folder.Write("py/pkg/mod.pyi", Stub);
        folder.Write("py/pkg/__init__.pyi", "def init_level() -> None: ...\n");
        folder.Write("py/_internal.pyi", "def hidden() -> None: ...\n");
        folder.Write("py/gone.pyi", "def removed() -> None: ...\n");
        folder.Write("py/young.pyi", "def added() -> None: ...\n");
        folder.Write("VERSIONS", "# comment\npkg: 3.0-\ngone: 2.7-3.5\nyoung: 99.0-\n");

        var found = Run(PyenvPython.Require("3.13.0"), Path.Combine(folder.Path, "py"), Path.Combine(folder.Path, "VERSIONS"));

        CollectionAssert.AreEquivalent(
            new[]
            {
                "function pkg.init_level False",
                "function pkg.mod.always False", "function pkg.mod.since_38 True", "function pkg.mod.three True",
                "function pkg.mod.linux True", "function pkg.mod.unknown_then True", "function pkg.mod.unknown_else True",
                "function pkg.mod.tried True", "function pkg.mod.fallback True", "function pkg.mod.twice False",
                "class pkg.mod.Shape False", "method pkg.mod.Shape.area False", "nested_class pkg.mod.Shape.Inner False",
                "class pkg.mod.Modern True", "method pkg.mod.Modern.go True",
            },
            found);
    }

    private static List<string> Run(string python, string root, string versions) =>
        PublicDefinitions.List(python, root, versions)
            .Select(d => $"{d.Kind} {d.Module}.{(d.Owner is null ? "" : d.Owner + ".")}{d.Name} {d.Conditional}")
            .ToList();
}
