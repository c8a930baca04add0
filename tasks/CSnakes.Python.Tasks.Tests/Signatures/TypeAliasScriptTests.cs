using CSnakes.Python.Tasks.Signatures;
using static CSnakes.Python.Tasks.Tests.Signatures.ReaderRun;

namespace CSnakes.Python.Tasks.Tests.Signatures;

/// <summary>Aliases, TypeVars, Self, NewType and NoReturn are substituted into annotation trees; the text stays as written.</summary>
[TestClass]
public sealed class TypeAliasScriptTests
{
    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ModuleLevelAliasesAreSubstituted(string version)
    {
        const string source = """
            from typing import Dict, List, Optional, Union
            from typing_extensions import TypeAlias

            Number = Union[int, float]
            Names = List[str]
            Table: TypeAlias = "Dict[str, Names]"
            Maybe = Optional["Number"]
            Either = int | str
            Point = tuple
            VERSION = "1.0"
            LIMIT = 10
            Loop = List["Loop"]

            def use(a: Number, b: Table, c: Maybe, d: Either | None, e: Point, f: Loop) -> Names: ...
            """;
        var file = ReadOne(version, "aliases.pyi", source);
        var use = Function(file, "use");
        Assert.AreEqual("typing.Union[int, float]", ParameterType(use, "a"));
        Assert.AreEqual("typing.Dict[str, typing.List[str]]", ParameterType(use, "b"));
        Assert.AreEqual("typing.Optional[typing.Union[int, float]]", ParameterType(use, "c"));
        Assert.AreEqual("(int | str | None)", ParameterType(use, "d"), "a union alias joins the union it is used in");
        Assert.AreEqual("tuple", ParameterType(use, "e"));
        Assert.AreEqual("typing.List[typing.Any]", ParameterType(use, "f"), "a cycle ends in Any instead of hanging");
        Assert.AreEqual("typing.List[str]", ReturnType(use));
        Assert.AreEqual("Number", use.Parameters[0].Annotation!.Text, "the text stays as written");

        var kinds = file.Names!.ToDictionary(n => n.Name, n => n.Kind);
        Assert.AreEqual("alias", kinds["Number"]);
        Assert.AreEqual("alias", kinds["Table"]);
        Assert.AreEqual("constant", kinds["VERSION"]);
        Assert.AreEqual("constant", kinds["LIMIT"]);
        Assert.AreEqual("function", kinds["use"]);
    }

    [TestMethod]
    public void Pep695TypeStatementsAndTypeParametersAreResolved()
    {
        const string source = """
            type Vector = list[float]
            type Pair = tuple[Vector, Vector]

            def length(v: Vector) -> float: ...
            def first[T: int](items: list[T]) -> T: ...
            def pick[S: (str, bytes)](a: S) -> S: ...

            class Box[T]:
                def get(self) -> T: ...
            """;
        var file = ReadOne("3.13.0", "pep695.py", source);
        Assert.AreEqual("list[float]", ParameterType(Function(file, "length"), "v"));
        Assert.AreEqual("int", ReturnType(Function(file, "first")));
        Assert.AreEqual("list[int]", ParameterType(Function(file, "first"), "items"));
        var picks = file.Functions!.Where(f => f.Name == "pick").ToList();
        CollectionAssert.AreEqual(new[] { "str", "bytes" }, picks.Select(ReturnType).ToArray());
        Assert.AreEqual("typing.Any", ReturnType(file.Classes!.Single().Methods.Single()));
        Assert.AreEqual("alias", file.Names!.Single(n => n.Name == "Pair").Kind);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void TypeVarsBecomeTheirBoundOrAny(string version)
    {
        const string source = """
            from typing import Callable, Sequence, TypeVar
            from typing_extensions import ParamSpec

            T = TypeVar("T")
            N = TypeVar("N", bound=float)
            B = TypeVar("B", bound="Sequence[int]")
            P = ParamSpec("P")

            def anything(x: T) -> list[T]: ...
            def bounded(x: N, y: B) -> N: ...
            def wraps(f: Callable[P, int], *args: P.args, **kwargs: P.kwargs) -> int: ...
            """;
        var file = ReadOne(version, "typevars.pyi", source);
        Assert.AreEqual("typing.Any", ParameterType(Function(file, "anything"), "x"));
        Assert.AreEqual("list[typing.Any]", ReturnType(Function(file, "anything")));
        Assert.AreEqual("float", ParameterType(Function(file, "bounded"), "x"));
        Assert.AreEqual("typing.Sequence[int]", ParameterType(Function(file, "bounded"), "y"));
        var wraps = Function(file, "wraps");
        Assert.AreEqual("typing.Callable[typing.Any, int]", ParameterType(wraps, "f"));
        Assert.AreEqual("typing.Any", ParameterType(wraps, "args"));
        Assert.AreEqual("typing.Any", ParameterType(wraps, "kwargs"));
        Assert.AreEqual("typevar", file.Names!.Single(n => n.Name == "T").Kind);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void ConstrainedTypeVarsExpandTheFunctionIntoOverloads(string version)
    {
        const string source = """
            from typing import AnyStr, TypeVar, overload

            N = TypeVar("N", int, float)
            W = TypeVar("W", int, str, bytes)

            def concat(a: AnyStr, b: AnyStr) -> AnyStr: ...
            def mixed(a: AnyStr, n: N) -> tuple[AnyStr, N]: ...
            def too_many(a: AnyStr, n: N, w: W) -> None: ...

            @overload
            def conv(x: int, y: AnyStr) -> AnyStr: ...
            @overload
            def conv(x: str) -> str: ...
            """;
        var file = ReadOne(version, "constrained.pyi", source);
        var concat = file.Functions!.Where(f => f.Name == "concat").ToList();
        CollectionAssert.AreEqual(new[] { "str", "bytes" }, concat.Select(ReturnType).ToArray());
        CollectionAssert.AreEqual(new[] { "bytes", "bytes" }, concat[1].Parameters.Select(p => Render(p.Annotation!.Type)).ToArray(), "substituted consistently");
        Assert.IsTrue(concat.All(f => f.Decorators.Contains("overload")));
        Assert.AreEqual("AnyStr", concat[1].Returns!.Text);

        var mixed = file.Functions!.Where(f => f.Name == "mixed").Select(ReturnType).ToArray();
        CollectionAssert.AreEqual(new[] { "tuple[str, int]", "tuple[str, float]", "tuple[bytes, int]", "tuple[bytes, float]" }, mixed);

        var tooMany = file.Functions!.Single(f => f.Name == "too_many");
        Assert.AreEqual("typing.Any", ParameterType(tooMany, "w"), "2 x 2 x 3 copies is more than 4: Any");
        Assert.IsFalse(tooMany.Decorators.Contains("overload"));

        var conv = file.Functions!.Where(f => f.Name == "conv").ToList();
        Assert.AreEqual(3, conv.Count, "each @overload is expanded");
        Assert.IsTrue(conv.All(f => f.Decorators.Count(d => d.Contains("overload")) == 1));
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void SelfNewTypeAndNoReturnAreResolved(string version)
    {
        const string source = """
            from typing import NewType, NoReturn
            from typing_extensions import Never, Self
            from _typeshed import Self as OldSelf

            UserId = NewType("UserId", int)

            class Node:
                def clone(self) -> Self: ...
                def children(self) -> list[Self]: ...
                def copy(self: OldSelf) -> OldSelf: ...

            def lookup(user: UserId) -> str: ...
            def fail(message: str) -> NoReturn: ...
            def never() -> Never: ...
            def outside() -> Self: ...
            """;
        var file = ReadOne(version, "misc.pyi", source);
        var node = file.Classes!.Single();
        Assert.AreEqual("Node", ReturnType(node.Methods[0]));
        Assert.AreEqual("list[Node]", ReturnType(node.Methods[1]));
        // typeshed's older spelling, a TypeVar in _typeshed, is the class too.
        Assert.AreEqual("Node", ReturnType(node.Methods[2]));
        Assert.AreEqual("int", ParameterType(Function(file, "lookup"), "user"));
        Assert.AreEqual("None", ReturnType(Function(file, "fail")));
        Assert.AreEqual("None", ReturnType(Function(file, "never")));
        Assert.AreEqual("typing_extensions.Self", ReturnType(Function(file, "outside")), "Self outside a class stays as written");
        Assert.AreEqual("NoReturn", Function(file, "fail").Returns!.Text);
    }

    [TestMethod]
    [DataRow("3.9.18")]
    [DataRow("3.13.0")]
    public void AliasesResolveAcrossTheFilesOfOneRun(string version)
    {
        var files = Read(version,
            ("_typeshed/__init__.pyi", "_typeshed", "from os import PathLike\nfrom typing_extensions import TypeAlias\nStrPath: TypeAlias = str | PathLike[str]\n"),
            ("pkg/types.py", "pkg.types", "from typing import TypeVar\nVector = list[float]\nT = TypeVar('T', bound='Vector')\n"),
            ("pkg/__init__.py", "pkg", "from .types import Vector as Vec\n"),
            ("pkg/ops.py", "pkg.ops", """
                from _typeshed import StrPath
                from .types import Vector, T
                from . import types
                from pkg import Vec

                def save(path: StrPath, v: Vector, w: types.Vector, t: T, u: Vec) -> None: ...
                """));
        var save = Function(files["pkg.ops"], "save");
        Assert.AreEqual("(str | os.PathLike[str])", ParameterType(save, "path"));
        Assert.AreEqual("list[float]", ParameterType(save, "v"));
        Assert.AreEqual("list[float]", ParameterType(save, "w"));
        Assert.AreEqual("list[float]", ParameterType(save, "t"));
        Assert.AreEqual("list[float]", ParameterType(save, "u"), "through a re-export");
        Assert.AreEqual("StrPath", save.Parameters[0].Annotation!.Text);
    }
}
