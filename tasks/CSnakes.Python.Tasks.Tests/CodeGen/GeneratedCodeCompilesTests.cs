using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Generates wrappers for a module that uses every supported feature and compiles them, with a
/// caller, against the real CSnakes.Runtime project in a throw-away project (warnings are errors).
/// </summary>
[TestClass]
public sealed class GeneratedCodeCompilesTests
{
    private const string Module = """
        '''Everything the generator supports, in one module: <b>&amp;</b>.'''
        from typing import Any, Optional, Sequence, Mapping, Tuple, Union, Callable
        import typing as t

        DEFAULT = [1]

        def predict(history: list[float], days: int = 7) -> list[float]:
            '''Predicts.

            Line with <xml> & stuff \u2028 and a line separator.
            '''

        def nothing() -> None: ...
        def untyped(a, b=1, c=None): ...
        def scalars(i: int, f: float, s: str, b: bytes, flag: bool) -> bytes: ...
        def literal_defaults(i: int = -5, f: float = 2, g: float = 1e-05, h: float = float("inf"), s: str = "a\"b\\c\n", yes: bool = True, n: Optional[int] = None, m: str | None = None, o: int = None) -> str: ...
        def omitted(a: int, b: list[int] = DEFAULT, c: float = 1.5, d: Optional[list[int]] = DEFAULT, e: int = len(DEFAULT)) -> int: ...
        def kinds(a: int, b: str = "x", /, c: float = 1.0, *args: Any, d: bool, e: Optional[str] = None, f: list[str] = DEFAULT, **kwargs: Any) -> Optional[int]: ...
        def positional_only_expression(a: int = len(DEFAULT), /) -> None: ...
        def keyword_only_required(a: int = 1, *, b: str) -> None: ...
        def containers(a: dict[str, list[int]], b: Sequence[Tuple[int, str]], c: Mapping[str, Any], d: tuple[int, str, float, bool, bytes, int, int, int, str]) -> dict[str, tuple[int, Optional[str]]]: ...
        def one_tuple(a: tuple[int]) -> tuple[int]: ...
        def point(p: tuple[t.Annotated[int, "@X"], t.Annotated[int, "@Y"]]) -> tuple[t.Annotated[int, "@X"], t.Annotated[int, "@Y"]]: ...
        def returns_any() -> Any: ...
        def returns_list_of_optional() -> list[Optional[float]]: ...
        def unmapped(a: Callable[..., int], b: Union[int, str], c: numpy.ndarray) -> t.Iterator[int]: ...
        def callbacks(f: Callable[[int, str], bool], g: Callable[[], None], h: Optional[Callable[[list[float]], float]] = None) -> int: ...
        def keywords(class_: int, object: str, params: float, string: bytes, result: int, __py_x: int) -> None: ...
        def same_params(a_b: int, aB: int) -> None: ...
        def module() -> None: ...
        def to_string() -> str: ...
        def get_hash_code() -> int: ...
        async def later() -> int: ...
        async def stream(n: int, cancellation_token: int = 0) -> t.AsyncIterator[int]:
            yield n
        def batches() -> t.AsyncGenerator[list[Optional[str]], None]: ...
        async def anything_async() -> t.AsyncIterable: ...
        import dataclasses
        class Job(t.TypedDict, total=False):
            name: t.Required[str]
            retries: int
        @dataclasses.dataclass
        class Base:
            a: int
        @dataclasses.dataclass
        class Leaf(Base):
            b: str = "x"
            def twice(self, n: int = 2) -> "Leaf": ...
            def to_string(self) -> str: ...
            def b_length(self) -> int: ...
        def schedule(job: Job, leaf: Leaf) -> Job: ...
        class Tagged(t.NamedTuple):
            value: str
            code: mystery.Code | None = None
            count: int = None
        def tag(x: Tagged) -> Tagged: ...
        BoxItem = t.TypeVar("BoxItem")
        class Box(t.Generic[BoxItem]):
            def get(self) -> BoxItem: ...
        def unbox(b: Box[int]) -> list[Box[str]]: ...
        def nested_unions(a: list[int | str], f: Callable[[int | str], bool]) -> dict[str, int | None | str]: ...
        import enum
        class Color(enum.Enum):
            RED = "red"
            DARK_BLUE = "dark"
        def paint(c: Color = Color.DARK_BLUE, mode: t.Literal["fast", "slow"] = "fast", n: t.Literal[1, 2] | None = 2, after: int = 1) -> None: ...
        class Counter:
            '''A counter <b>.'''
            def __init__(self, start: int) -> None: ...
            def increment(self, by: int = 1, color: Color = Color.RED) -> int: ...
            def merge(self, others: list["Counter"]) -> "Counter": ...
            async def later(self) -> Optional["Counter"]: ...
            def to_string(self) -> str: ...
            @property
            def value(self) -> int: ...
            @value.setter
            def value(self, new: int) -> None: ...
            @property
            def label(self) -> Optional[str]: ...
            @label.setter
            def label(self, new: Optional[str]) -> None: ...
            @property
            def raw(self) -> Any: ...
            @raw.setter
            def raw(self, new: Any) -> None: ...
            @staticmethod
            def zero() -> int: ...
        def count_all(counters: list[Counter], best: Optional[Counter] = None) -> dict[str, Counter]: ...
        def _hidden() -> None: ...
        def skipped() -> None:  # csharp: ignore
            pass
        """;

    private const string Caller = """
        using System;
        using System.Collections.Generic;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.EverythingModule;

        namespace Caller;

        public static class Uses
        {
            public static void Run(IPythonEnvironment env)
            {
                IReadOnlyList<double> next = env.Everything().Predict(new[] { 1.0, 2.0 });
                next = env.Everything().Predict(new List<double>(), days: 3);
                env.Everything().Nothing();
                long n = env.Everything().Omitted(1, e: 4);
                long? k = env.Everything().Kinds(1, true, "b", 2.0, args: new[] { PyObject.None }, kwargs: new Dictionary<string, PyObject>());
                (long, string, double, bool, byte[], long, long, long, string) nine = default;
                IReadOnlyDictionary<string, (long, string?)> map = env.Everything().Containers(new Dictionary<string, IReadOnlyList<long>>(), new[] { (1L, "a") }, new Dictionary<string, PyObject>(), nine);
                ValueTuple<long> one = env.Everything().OneTuple(new ValueTuple<long>(1));
                long px = env.Everything().Point((X: 1, Y: 2)).X + env.Everything().Point((3, 4)).Y;
                PyObject any = env.Everything().ReturnsAny();
                env.Everything().Keywords(@class: 1, @object: "o", @params: 1.0, @string: Array.Empty<byte>(), result: 2, pyX: 3);
                env.Everything().SameParams(1, 2);
                long calls = env.Everything().Callbacks((i, text) => text.Length == i, () => { }, h: values => values.Count);
                string s = env.Everything().ToString();
                env.Everything().Paint();
                env.Everything().Paint(Color.Red, PaintMode.Slow, null, 2);
                using Counter counter = env.Everything().NewCounter(1);
                long counted = counter.Increment() + counter.Increment(2, Color.DarkBlue) + counter.Value;
                counter.Value = 3;
                counter.Label = null;
                string? label = counter.Label;
                PyObject raw = counter.Raw;
                counter.Raw = raw;
                Counter merged = counter.Merge(new[] { counter });
                IReadOnlyDictionary<string, Counter> all = env.Everything().CountAll(new List<Counter> { merged }, best: counter);
                System.Threading.Tasks.Task<Counter?> later = counter.Later();
                env.Sub().Ping();
            }
        }
        """;

    // Async iterators are consumed with await foreach, which needs an async method of its own.
    private const string AsyncCaller = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.EverythingModule;

        namespace Caller;

        public static class AsyncUses
        {
            public static async Task<long> Run(IPythonEnvironment env, CancellationToken cancellationToken)
            {
                long total = 0;
                await foreach (long item in env.Everything().Stream(3, cancellationToken2: 1, cancellationToken: cancellationToken))
                {
                    total += item;
                }
                IAsyncEnumerable<IReadOnlyList<string?>> batches = env.Everything().Batches();
                await foreach (var batch in batches.WithCancellation(cancellationToken))
                {
                    total += batch.Count;
                }
                await foreach (PyObject value in env.Everything().AnythingAsync())
                {
                    value.Dispose();
                }
                Job job = env.Everything().Schedule(new Job("n"), new Leaf(1));
                job = job with { Retries = 3 };
                Leaf leaf = new Leaf(1).Twice();
                total += leaf.BLength() + leaf.ToString_().Length;
                total += job.Retries ?? 0;
                return total;
            }
        }
        """;

    [TestMethod]
    [TestCategory("Slow")]
    public void GeneratedWrappersCompileAgainstTheRuntimeApi()
    {
        var python = PyenvPython.Require("3.13.0");
        using var folder = new TempFolder();
        var pythonRoot = Path.Combine(folder.Path, "py");
        folder.Write("py/everything.py", Module);
        folder.Write("py/pkg/sub.py", "def ping() -> None: ...\n");
        var engine = new FakeBuildEngine();
        var task = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = [new TaskItem(Path.Combine(pythonRoot, "everything.py")), new TaskItem(Path.Combine(pythonRoot, "pkg", "sub.py"))],
            ProjectDirectory = pythonRoot,
            RootNamespace = "Sample.App",
            OutputDirectory = Path.Combine(folder.Path, "app", "generated"),
        };
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        // Accessor for pkg/sub.py is PkgSub; the caller uses a hand-written alias to keep it short.
        folder.Write("app/Aliases.cs", "#pragma warning disable CS1591\nnamespace Sample.App; public static class Aliases { public static IPkgSub Sub(this CSnakes.Runtime.IPythonEnvironment env) => env.PkgSub(); }\n");
        folder.Write("app/Caller.cs", "#pragma warning disable CS1591\n" + Caller);
        folder.Write("app/AsyncCaller.cs", "#pragma warning disable CS1591\n" + AsyncCaller);
        GeneratedCodeBuild.WriteProject(Path.Combine(folder.Path, "app"));
        foreach (var generated in task.GeneratedFiles)
        {
            TestContext.WriteLine($"--- {generated.ItemSpec}");
            TestContext.WriteLine(File.ReadAllText(generated.ItemSpec));
        }

        var (exitCode, output) = GeneratedCodeBuild.Build(Path.Combine(folder.Path, "app"));

        Assert.AreEqual(0, exitCode, output);
    }

    public TestContext TestContext { get; set; } = null!;
}
