using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.Signatures.ReaderRun;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>Names a module re-exports from other files of the run become part of its lists.</summary>
[TestClass]
public sealed class ReexportScriptTests
{
    private const string Api = """
        from ._models import Response

        def get(url: str) -> Response: ...
        def post(url: str, data: bytes) -> Response: ...
        def _helper() -> None: ...
        """;

    private const string Models = """
        import enum
        from dataclasses import dataclass

        class Response:
            def json(self) -> dict: ...

        @dataclass
        class Limits:
            max: int

        class Method(enum.Enum):
            GET = "GET"

        DEFAULT_TIMEOUT = 5.0
        """;

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void RelativeAbsoluteAndAliasedImportsAreCopied(string version)
    {
        var files = Read(version,
            ("httpx/_api.py", "httpx._api", Api),
            ("httpx/_models.py", "httpx._models", Models),
            ("httpx/__init__.py", "httpx", """
                from ._api import get, post as send
                from httpx._models import Limits, Method, DEFAULT_TIMEOUT
                from ._models import Response as _Response
                """));
        var httpx = files["httpx"];
        CollectionAssert.AreEqual(new[] { "get", "send" }, FunctionNames(httpx));
        Assert.AreEqual("httpx._api", Function(httpx, "send").ReexportedFrom);
        Assert.AreEqual(2, Function(httpx, "send").Parameters.Count, "the signature of post");
        Assert.AreEqual("httpx._models", httpx.Records!.Single().ReexportedFrom);
        Assert.AreEqual("Method", httpx.Enums!.Single().Name);
        Assert.AreEqual(0, httpx.Classes!.Count, "a private alias is not a re-export");
        Assert.IsNull(files["httpx._api"].Functions![0].ReexportedFrom);
        // A plain module's imports are its own helpers; only a package's __init__ re-exports what it imports.
        Assert.IsFalse(files["httpx._api"].Classes!.Any(c => c.Name == "Response"), "a plain module re-exported an import");

        var names = httpx.Names!.ToDictionary(n => n.Name, n => n.Kind);
        Assert.AreEqual("function", names["get"]);
        Assert.AreEqual("class", names["Limits"]);
        Assert.AreEqual("import", names["DEFAULT_TIMEOUT"]);
        Assert.IsFalse(names.ContainsKey("_Response"));
        Assert.AreEqual(0, httpx.Skipped!.Count);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void StarImportsRespectAllAndChainsAreFollowed(string version)
    {
        var files = Read(version,
            ("pkg/_impl.py", "pkg._impl", "__all__ = ['listed']\ndef listed() -> int: ...\ndef unlisted() -> int: ...\n"),
            ("pkg/_more.py", "pkg._more", "def public() -> int: ...\ndef _hidden() -> int: ...\n"),
            ("pkg/middle.py", "pkg.middle", "from ._impl import *\nfrom ._more import *\n"),
            ("pkg/__init__.py", "pkg", "from .middle import listed, public\n"));
        CollectionAssert.AreEqual(new[] { "listed", "public" }, FunctionNames(files["pkg.middle"]));
        CollectionAssert.AreEqual(new[] { "listed", "public" }, FunctionNames(files["pkg"]));
        Assert.AreEqual("pkg._impl", Function(files["pkg"], "listed").ReexportedFrom, "the defining module, through the chain");
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void StubsReExportOnlyExplicitlyAndUnreadSourcesAreReported(string version)
    {
        var files = Read(version,
            ("lib/_core.pyi", "lib._core", "def one() -> int: ...\ndef two() -> int: ...\n"),
            ("lib/__init__.pyi", "lib", """
                from os import PathLike
                from lib._core import one
                from lib._core import two as two
                from ._native import fast as fast
                from ._native import slow
                from ._compiled import *
                """),
            ("app.py", "app", """
                from os import PathLike
                from typing import *
                from collections import OrderedDict
                __all__ = ["run", "OrderedDict", "missing"]
                def run() -> None: ...
                """));
        var lib = files["lib"];
        CollectionAssert.AreEqual(new[] { "two" }, FunctionNames(lib), "a stub re-exports only with 'as name' (PEP 484)");
        var skipped = lib.Skipped!.ToDictionary(s => s.Name);
        CollectionAssert.AreEquivalent(new[] { "fast", "*" }, skipped.Keys.ToArray(), "plain imports for annotations are not re-exports");
        Assert.AreEqual(4, skipped["fast"].Line);
        StringAssert.Contains(skipped["fast"].Reason, "lib._native");
        StringAssert.Contains(skipped["*"].Reason, "lib._compiled");

        var app = files["app"].Skipped!.ToDictionary(s => s.Name);
        CollectionAssert.AreEquivalent(new[] { "OrderedDict", "missing" }, app.Keys.ToArray());
        StringAssert.Contains(app["OrderedDict"].Reason, "collections");
        Assert.AreEqual("import", files["app"].Names!.Single(n => n.Name == "OrderedDict").Kind);
    }

    [TestMethod]
    [DataRow("3.13.0")]
    public void WithoutModuleNamesRelativeImportsAreNotFollowed(string version)
    {
        using var temp = new TempFolder();
        var init = temp.Write("pkg/__init__.py", "from ._api import get\n");
        var api = temp.Write("pkg/_api.py", "def get() -> int: ...\n");
        var result = SignatureReader.Read(PyenvPython.Require(version), [init, api]);
        Assert.AreEqual(SignatureReadStatus.Succeeded, result.Status, result.Problem);
        Assert.AreEqual(0, result.Report!.Files[0].Functions!.Count);
        Assert.IsNull(result.Report!.Files[0].Module);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void OddInputBecomesAnErrorOrANoteNeverACrash(string version)
    {
        var files = Read(version,
            ("odd.py", "odd", """
                import sys
                __all__ = ["a"] + other.__all__
                __all__ += sys.modules
                __all__.extend(x for x in "ab")
                X = TypeVar()
                from typing import NewType, TypeVar
                Y = NewType()
                if sys.version_info >= ("3",):
                    def compared_to_str() -> None: ...
                if sys.version_info[5] > 1:
                    def bad_index() -> None: ...
                def f(x: X, y: Y) -> "not valid(": ...
                from . import *
                from .. import nothing
                """));
        var odd = files["odd"];
        CollectionAssert.AreEqual(new[] { "compared_to_str", "bad_index", "f" }, FunctionNames(odd));
    }
}
