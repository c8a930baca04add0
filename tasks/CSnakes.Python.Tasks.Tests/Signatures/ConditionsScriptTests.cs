using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.Signatures.ReaderRun;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>The reader takes the branches of version/platform/TYPE_CHECKING tests that apply to the interpreter running it.</summary>
[TestClass]
public sealed class ConditionsScriptTests
{
    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void VersionConditionsTakeTheBranchOfTheRunningInterpreter(string version)
    {
        const string source = """
            import sys
            from sys import version_info
            import sys as _sys

            if sys.version_info >= (3, 10):
                def since_310() -> None: ...
            else:
                def before_310() -> None: ...

            if version_info < (3, 12):
                def below_312() -> None: ...
            elif version_info < (3, 13):
                def only_312() -> None: ...
            else:
                def from_313() -> None: ...

            if _sys.version_info[0] >= 3:
                def major_three() -> None: ...

            if sys.version_info[:2] == (3, 9):
                def exactly_39() -> None: ...
            """;
        var file = ReadOne(version, "versions.pyi", source);
        var (major, minor) = VersionOf(version);
        Assert.AreEqual(3, major);

        var expected = new List<string> { minor >= 10 ? "since_310" : "before_310" };
        expected.Add(minor < 12 ? "below_312" : minor < 13 ? "only_312" : "from_313");
        expected.Add("major_three");
        if (minor == 9)
        {
            expected.Add("exactly_39");
        }
        CollectionAssert.AreEqual(expected, FunctionNames(file));
        Assert.AreEqual(0, file.Skipped!.Count, "branches for other versions are not drops");
        var inactive = file.Inactive!.Select(i => i.Name).ToList();
        CollectionAssert.Contains(inactive, minor >= 10 ? "before_310" : "since_310");
        Assert.AreEqual(minor >= 10 ? 8 : 6, file.Inactive!.Single(i => i.Name is "before_310" or "since_310").Line);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void PlatformTypeCheckingAndBooleanOperatorsAreEvaluated(string version)
    {
        // The tests run on Linux (pyenv); sys.platform is "linux" there.
        const string source = """
            import sys
            import typing
            from typing import TYPE_CHECKING

            if sys.platform == "win32":
                def windows() -> None: ...
            elif sys.platform.startswith("linux"):
                def linux() -> None: ...
            if sys.platform != "darwin" and not sys.platform.startswith("win"):
                def not_mac_nor_windows() -> None: ...
            if sys.platform == "win32" or sys.version_info >= (3, 0):
                def either() -> None: ...
            if TYPE_CHECKING:
                def checking() -> None: ...
            if not typing.TYPE_CHECKING:
                def at_run_time() -> None: ...
            if unknown() or sys.version_info >= (3,):
                def decided_by_the_known_half() -> None: ...
            """;
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("the expectations are for sys.platform == 'linux'");
        }
        var file = ReadOne(version, "platforms.pyi", source);
        CollectionAssert.AreEqual(new[] { "linux", "not_mac_nor_windows", "either", "checking", "decided_by_the_known_half" }, FunctionNames(file));
        CollectionAssert.AreEquivalent(new[] { "windows", "at_run_time" }, file.Inactive!.Select(i => i.Name).ToArray());
        Assert.AreEqual(0, file.Skipped!.Count);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void AnUnevaluableConditionReadsItsFirstBranchAndReportsTheRest(string version)
    {
        const string source = """
            import os

            if os.environ.get("FAST"):
                def fast() -> None: ...
            elif os.name == "nt":
                def nt() -> None: ...
                class NtOnly: ...
            else:
                def slow() -> None: ...
                def _private() -> None: ...
            """;
        var file = ReadOne(version, "unknown.py", source);
        CollectionAssert.AreEqual(new[] { "fast" }, FunctionNames(file));
        var skipped = file.Skipped!.ToDictionary(s => s.Name);
        CollectionAssert.AreEquivalent(new[] { "nt", "NtOnly", "slow" }, skipped.Keys.ToArray(), "public definitions only");
        Assert.AreEqual(6, skipped["nt"].Line);
        Assert.AreEqual(5, skipped["nt"].Column);
        StringAssert.Contains(skipped["slow"].Reason, "os.environ.get('FAST')");
        Assert.AreEqual(0, file.Inactive!.Count);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void TryExceptImportErrorReadsBothBranchesTheTryBodyWinning(string version)
    {
        const string source = """
            try:
                from fast_impl import thing
                def shared(x: int) -> int: ...
                def only_in_try() -> None: ...
            except (ImportError, AttributeError):
                def shared(x: str) -> str: ...
                def fallback() -> None: ...
            except ValueError:
                def not_an_import_fallback() -> None: ...

            try:
                import other
            except ModuleNotFoundError:
                def after_module_not_found() -> None: ...
            """;
        var file = ReadOne(version, "fallbacks.py", source);
        CollectionAssert.AreEqual(new[] { "shared", "only_in_try", "fallback", "after_module_not_found" }, FunctionNames(file));
        Assert.AreEqual("int", Function(file, "shared").Parameters.Single().Annotation!.Text, "the try body wins");
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ClassBodiesAreReadUnderTheirConditionsToo(string version)
    {
        const string source = """
            import sys
            from dataclasses import dataclass

            class Reader:
                def read(self) -> bytes: ...
                if sys.version_info >= (3, 10):
                    def new_api(self) -> int: ...
                else:
                    def old_api(self) -> int: ...
                if sys.flags.optimize:
                    def optimized(self) -> int: ...
                else:
                    def plain(self) -> int: ...

            @dataclass
            class Row:
                a: int
                if sys.version_info >= (3, 10):
                    b: int = 0
            """;
        var file = ReadOne(version, "classes.pyi", source);
        var minor = VersionOf(version).Minor;
        var reader = file.Classes!.Single();
        CollectionAssert.AreEqual(new[] { "read", minor >= 10 ? "new_api" : "old_api", "optimized" }, reader.Methods.Select(m => m.Name).ToArray());
        Assert.AreEqual("Reader.plain", file.Skipped!.Single().Name);
        Assert.AreEqual(minor >= 10 ? "Reader.old_api" : "Reader.new_api", file.Inactive!.Single().Name);
        CollectionAssert.AreEqual(minor >= 10 ? new[] { "a", "b" } : new[] { "a" }, file.Records!.Single().Fields.Select(f => f.Name).ToArray());
    }
}
