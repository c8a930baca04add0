using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.Signatures.ReaderRun;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>Runs the real scripts/read_signatures.py with real interpreters (oldest and newest supported).</summary>
[TestClass]
public sealed class ReadSignaturesScriptTests
{
    private const string Source = """
        '''Module docstring.'''
        from __future__ import annotations
        import typing as t
        from typing import Optional as Opt, List
        from collections.abc import Sequence
        import functools

        def kinds(a: int, b: str, /, c: float, d: bool = True, *args: int, e: bytes, f: t.Any = None, **kwargs: str) -> None:
            '''Every kind.

            Second paragraph.
            '''

        def defaults(i=7, neg=-3, big=123456789012345678901234567890, fl=1.5, nfl=-0.25, inf=1e400,
                     s='it\'s "q"\n', b=False, n=None, e=[1, 2], call=int("4"), by=b"x", cx=1j, ns=-True):
            pass

        async def fetch(url: str) -> bytes:
            '''Async one.'''

        @functools.lru_cache(maxsize=None)
        @staticmethod
        def decorated(x: "list[int]") -> "Opt[dict[str, float]]":
            pass

        def ignored(x: int) -> int:  # csharp: ignore
            return x

        def not_ignored(x: str = "# csharp: ignore") -> str:
            return x

        def _private() -> None: ...

        def aliases(a: t.List[int], b: List[str], c: Sequence[float], d: Opt[int], e: int | None,
                    f: t.Union[str, None], g: t.Tuple[int, str], h: tuple[int, ...], i: "t.Dict[str, 'int']",
                    j: t.Callable[[int], str], k: numpy.ndarray) -> t.Mapping[str, list[int]]:
            pass

        class Widget:
            def method(self): pass

        if True:
            def conditional(): pass
        """;

    private static FileSignatures ReadOne(string version, string path)
    {
        var python = PyenvPython.Require(version);
        var result = SignatureReader.Read(python, [path]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        return result.Report!.Files.Single();
    }


    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ReportsModuleLevelFunctionsOnlyWithDocstrings(string version)
    {
        using var temp = new TempFolder();
        var file = ReadOne(version, temp.Write("sample.py", Source));

        Assert.IsNull(file.Error);
        Assert.AreEqual("Module docstring.", file.Docstring);
        CollectionAssert.AreEqual(
            new[] { "kinds", "defaults", "fetch", "decorated", "ignored", "not_ignored", "_private", "aliases", "conditional" },
            file.Functions!.Select(f => f.Name).ToArray());
        Assert.AreEqual("Every kind.\n\nSecond paragraph.", Function(file, "kinds").Docstring);
        Assert.AreEqual(8, Function(file, "kinds").Line);
        Assert.AreEqual(1, Function(file, "kinds").Column);
        Assert.AreEqual(12, Function(file, "kinds").EndLine);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ReportsEveryParameterKind(string version)
    {
        using var temp = new TempFolder();
        var kinds = Function(ReadOne(version, temp.Write("sample.py", Source)), "kinds");

        CollectionAssert.AreEqual(
            new[] { "a", "b", "c", "d", "args", "e", "f", "kwargs" },
            kinds.Parameters.Select(p => p.Name).ToArray());
        CollectionAssert.AreEqual(
            new[]
            {
                ParameterKinds.PositionalOnly, ParameterKinds.PositionalOnly, ParameterKinds.PositionalOrKeyword, ParameterKinds.PositionalOrKeyword,
                ParameterKinds.VarPositional, ParameterKinds.KeywordOnly, ParameterKinds.KeywordOnly, ParameterKinds.VarKeyword,
            },
            kinds.Parameters.Select(p => p.Kind).ToArray());
        Assert.AreEqual("int", kinds.Parameters[4].Annotation!.Text);
        Assert.AreEqual("none", kinds.Parameters[6].Default!.Kind);
        Assert.AreEqual("typing.Any", kinds.Parameters[6].Annotation!.Type.Name);
        Assert.AreEqual(AnnotationKind.None, kinds.Returns!.Type.Kind);
        Assert.IsFalse(kinds.IsAsync);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ClassifiesDefaults(string version)
    {
        using var temp = new TempFolder();
        var defaults = Function(ReadOne(version, temp.Write("sample.py", Source)), "defaults").Parameters.ToDictionary(p => p.Name, p => p.Default!);

        Assert.AreEqual(("int", "7"), (defaults["i"].Kind, defaults["i"].Value));
        Assert.AreEqual(("int", "-3"), (defaults["neg"].Kind, defaults["neg"].Value));
        Assert.AreEqual(("int", "123456789012345678901234567890"), (defaults["big"].Kind, defaults["big"].Value));
        Assert.AreEqual(("float", "1.5"), (defaults["fl"].Kind, defaults["fl"].Value));
        Assert.AreEqual(("float", "-0.25"), (defaults["nfl"].Kind, defaults["nfl"].Value));
        Assert.AreEqual(("float", "inf"), (defaults["inf"].Kind, defaults["inf"].Value));
        Assert.AreEqual(("str", "it's \"q\"\n"), (defaults["s"].Kind, defaults["s"].Value));
        Assert.AreEqual(("bool", "false"), (defaults["b"].Kind, defaults["b"].Value));
        Assert.AreEqual("none", defaults["n"].Kind);
        foreach (var name in new[] { "e", "call", "by", "cx", "ns" })
        {
            Assert.AreEqual("expression", defaults[name].Kind, name);
        }
        Assert.AreEqual("[1, 2]", defaults["e"].Text);
        Assert.AreEqual("int('4')", defaults["call"].Text);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ReportsAsyncDecoratorsAndIgnoreComments(string version)
    {
        using var temp = new TempFolder();
        var file = ReadOne(version, temp.Write("sample.py", Source));

        Assert.IsTrue(Function(file, "fetch").IsAsync);
        Assert.AreEqual("Async one.", Function(file, "fetch").Docstring);
        CollectionAssert.AreEqual(new[] { "functools.lru_cache(maxsize=None)", "staticmethod" }, Function(file, "decorated").Decorators.ToArray());
        Assert.AreEqual(23, Function(file, "decorated").Line, "the def line, not the first decorator");
        Assert.IsTrue(Function(file, "ignored").CsharpIgnore);
        Assert.IsFalse(Function(file, "not_ignored").CsharpIgnore, "the marker inside a string is not a comment");
        Assert.IsFalse(Function(file, "kinds").CsharpIgnore);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ResolvesStringAnnotationsAndImportAliases(string version)
    {
        using var temp = new TempFolder();
        var file = ReadOne(version, temp.Write("sample.py", Source));
        var decorated = Function(file, "decorated");
        Assert.AreEqual("'list[int]'", decorated.Parameters[0].Annotation!.Text);
        Assert.AreEqual("list[int]", Render(decorated.Parameters[0].Annotation!.Type));
        Assert.AreEqual("typing.Optional[dict[str, float]]", Render(decorated.Returns!.Type));

        var aliases = Function(file, "aliases").Parameters.ToDictionary(p => p.Name, p => Render(p.Annotation!.Type));
        Assert.AreEqual("typing.List[int]", aliases["a"]);
        Assert.AreEqual("typing.List[str]", aliases["b"]);
        Assert.AreEqual("collections.abc.Sequence[float]", aliases["c"]);
        Assert.AreEqual("typing.Optional[int]", aliases["d"]);
        Assert.AreEqual("(int | None)", aliases["e"]);
        Assert.AreEqual("typing.Union[str, None]", aliases["f"]);
        Assert.AreEqual("typing.Tuple[int, str]", aliases["g"]);
        Assert.AreEqual("tuple[int, ...]", aliases["h"]);
        Assert.AreEqual("typing.Dict[str, int]", aliases["i"]);
        Assert.AreEqual("typing.Callable[[int], str]", aliases["j"]);
        Assert.AreEqual("numpy.ndarray", aliases["k"]);
        Assert.AreEqual("typing.Mapping[str, list[int]]", Render(Function(file, "aliases").Returns!.Type));
        Assert.AreEqual(35, Function(file, "aliases").Parameters.Single(p => p.Name == "g").Annotation!.Line);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void SyntaxErrorsAndBadBytesAreReportedPerFile(string version)
    {
        using var temp = new TempFolder();
        var python = PyenvPython.Require(version);
        var good = temp.Write("good.py", "def f() -> int:\n    return 1\n");
        var broken = temp.Write("broken.py", "x = 1\n\ndef f(:\n    pass\n");
        var badByte = temp.WriteBytes("latin.py", [.. "x = '"u8, 0xE9, .. "'\n"u8]);
        var declared = temp.WriteBytes("declared.py", [.. "# -*- coding: latin-1 -*-\ndef caf(x: str = '"u8, 0xE9, .. "') -> str: ...\n"u8]);
        var missing = Path.Combine(temp.Path, "missing.py");

        var result = SignatureReader.Read(python, [good, broken, badByte, declared, missing]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        var files = result.Report!.Files;

        Assert.IsNull(files[0].Error);
        Assert.AreEqual(3, files[1].Error!.Line);
        Assert.IsTrue(files[1].Error!.Column > 0);
        Assert.IsFalse(string.IsNullOrWhiteSpace(files[1].Error!.Message));
        // Python's wording of a bad byte changes between versions (3.15: "Non-UTF-8 code…"): only its presence is asserted.
        Assert.IsFalse(string.IsNullOrWhiteSpace(files[2].Error!.Message));
        Assert.AreEqual(1, files[2].Error!.Line);
        Assert.IsNull(files[3].Error, files[3].Error?.Message);
        Assert.AreEqual("\u00e9", files[3].Functions!.Single().Parameters.Single().Default!.Value, "PEP 263 coding cookie is honoured");
        StringAssert.Contains(files[4].Error!.Message, "cannot read");
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void StringsPythonCannotParseAsAnnotationsDoNotStopTheFile(string version)
    {
        // Real-world: pygments/unistring.py holds character ranges with lone surrogates in module-level strings,
        // which the reader tries as quoted type aliases. A lone surrogate cannot be encoded for the parser, a NUL is a
        // ValueError before 3.12: neither is an alias, an annotation of either is unmapped, and the file still reads.
        var file = ReaderRun.ReadOne(version, "ranges.py", """
            '''Character classes \ud800 with a lone surrogate.'''
            Cs = '\ud800-\udbff\udc00-\udfff'
            Nul = 'a\x00b'

            def surrogate(x: "\ud800", y: "a\x00b" = "\udc00", z: int = 1) -> "list[int]":
                '''Doc \udfff.'''

            def plain(n: "Cs") -> int: ...
            """);

        CollectionAssert.AreEqual(new[] { "surrogate", "plain" }, ReaderRun.FunctionNames(file));
        var surrogate = ReaderRun.Function(file, "surrogate");
        Assert.AreEqual(AnnotationKind.Other, surrogate.Parameters[0].Annotation!.Type.Kind);
        Assert.AreEqual(AnnotationKind.Other, surrogate.Parameters[1].Annotation!.Type.Kind);
        Assert.AreEqual("int", ReaderRun.ParameterType(surrogate, "z"));
        Assert.AreEqual("list[int]", ReaderRun.ReturnType(surrogate));
        // A docstring keeps a lone surrogate as its escape: System.Text.Json refuses the character itself.
        Assert.AreEqual("Doc \\udfff.", surrogate.Docstring);
        StringAssert.Contains(file.Docstring, "\\ud800");
        // Cs is a constant, not an alias: the annotation naming it stays the name.
        Assert.AreEqual("Cs", ReaderRun.ParameterType(ReaderRun.Function(file, "plain"), "n"));
    }

    [TestMethod]
    public void AnUnstartablePythonIsReportedAsSuch()
    {
        var result = SignatureReader.Read(Path.Combine(Path.GetTempPath(), "no-such-python-" + Guid.NewGuid().ToString("N")), ["x.py"]);
        Assert.AreEqual(SignatureReadStatus.PythonNotRunnable, result.Status);
        Assert.IsNotNull(result.Problem);
    }

    [TestMethod]
    public void AScriptCrashIsReportedWithItsErrorOutput()
    {
        var python = PyenvPython.Require("3.13.0");
        using var temp = new TempFolder();
        var script = temp.Write("crash.py", "import sys\nsys.stderr.write('boom happened')\nsys.exit(3)\n");
        var result = SignatureReader.Read(python, ["x.py"], script);
        Assert.AreEqual(SignatureReadStatus.ScriptFailed, result.Status);
        StringAssert.Contains(result.Problem, "code 3");
        StringAssert.Contains(result.Problem, "boom happened");
    }
}
