using CSnakes.Python.Tasks.Tests.Signatures;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Python names that used to collide with the names generated code uses — .NET types named unqualified, members
/// named like types, members of <c>object</c> and of the wrapper, two modules declaring one type name — compile,
/// and a caller reaches each one under its documented name.
/// </summary>
[TestClass]
public sealed class NameCollisionCompileTests
{
    private const string Repro = """
        import datetime
        import typing
        import uuid
        from dataclasses import dataclass
        from typing import Any, Callable, Literal, Optional, overload

        class Task:
            def done(self) -> bool: ...
        class DateTime:
            def ticks(self) -> int: ...
        class Guid:
            def hex(self) -> str: ...
        class Action:
            def run(self) -> int: ...
        class Cursor:
            def fetch(self) -> int: ...
        class Connection:
            def cursor(self) -> Cursor: ...
            def to_string(self) -> str: ...
            def dispose(self) -> None: ...
            def python_object(self) -> int: ...
            def connection(self) -> "Connection": ...
            @property
            def get_hash_code(self) -> int: ...
        class Finalize:
            def go(self) -> int: ...
        class GetType:
            def go(self) -> int: ...
        class ReproModule:
            def go(self) -> int: ...
        class Match:
            def group(self) -> str: ...

        async def later(t: Task) -> int: ...
        def stamp(when: datetime.datetime, id: uuid.UUID, callback: Callable[[], None]) -> DateTime: ...
        def guid() -> Guid: ...
        def act(a: Action) -> Finalize: ...
        def kind(g: GetType) -> Optional[Any]: ...
        def connect() -> Connection: ...

        @overload
        def pick(values: list[str]) -> int: ...
        @overload
        def pick(values: list[Optional[str]]) -> int: ...
        def pick(values): ...

        @dataclass
        class Options:
            extra: Optional[Any] = None
            to_string: str = ""
            equality_contract: int = 0
            options: int = 0
        def configure(o: Options) -> Options: ...

        def match(pattern: str) -> Match: ...
        def active_count() -> int: ...
        def activeCount() -> int: ...
        def open(mode: Literal["r", "w"]) -> int: ...
        """;

    // pywin32's servicemanager.Finalize: an interface method named Finalize is warning CS0465 (it looks like a destructor).
    private const string Other = """
        from typing import Literal

        class Match:
            def span(self) -> int: ...
        def search(pattern: str) -> Match: ...
        def open(mode: Literal["r", "w"]) -> int: ...
        def Finalize() -> None: ...
        def finalize() -> int: ...
        """;

    private const string Caller = """
        #pragma warning disable CS1591
        using System.Threading.Tasks;
        using CSnakes.Runtime;
        using Collide;

        namespace Caller;

        public static class Uses
        {
            public static async Task<long> Run(IPythonEnvironment env, ReproModule.Task task, ReproModule.GetType_ g)
            {
                long total = await env.Repro().Later(task);
                ReproModule.DateTime stamp = env.Repro().Stamp(System.DateTime.Now, System.Guid.Empty, () => { });
                ReproModule.Guid id = env.Repro().Guid();
                using ReproModule.Connection connection = env.Repro().Connect();
                ReproModule.Cursor cursor = connection.Cursor();
                string text = connection.ToString_();
                connection.Dispose_();
                total += connection.PythonObject_() + connection.GetHashCode_;
                ReproModule.Connection same = connection.Connection_();
                ReproModule.Finalize_ finalize = env.Repro().Act(null!);
                ReproModule.ReproModule_? holderNamed = null;
                total += holderNamed is null ? 0 : 1;
                PyObject? kind = env.Repro().Kind(g);
                total += env.Repro().Pick(new[] { "a" }) + env.Repro().Pick(new string?[] { null });
                ReproModule.Options options = env.Repro().Configure(new ReproModule.Options(Extra: null, ToString_: "x", EqualityContract_: 1, Options_: 2));
                ReproModule.Match first = env.Repro().Match("a");
                OtherModule.Match second = env.Other().Search("a");
                total += env.Repro().Open(ReproModule.OpenMode.R) + env.Other().Open(OtherModule.OpenMode.W);
                total += env.Repro().ActiveCount() + env.Repro().ActiveCount_();
                env.Other().Finalize_();
                total += env.Other().Finalize__();
                return total + cursor.Fetch() + text.Length + (options.Extra is null ? 0 : 1);
            }
        }
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Slow")]
    public void CollidingPythonNamesCompileAndAreReachable()
    {
        var python = PyenvPython.Require("3.13.0");
        using var folder = new TempFolder();
        var pythonRoot = Path.Combine(folder.Path, "py");
        var files = new[] { folder.Write("py/repro.py", Repro), folder.Write("py/other.py", Other) };
        var engine = new FakeBuildEngine();
        var task = new GeneratePythonWrappers
        {
            BuildEngine = engine,
            PythonExecutable = python,
            PythonFiles = files.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            ProjectDirectory = pythonRoot,
            RootNamespace = "Collide",
            OutputDirectory = Path.Combine(folder.Path, "app", "generated"),
        };
        Assert.IsTrue(task.Execute(), engine.ErrorText);
        folder.Write("app/Caller.cs", Caller);
        GeneratedCodeBuild.WriteProject(Path.Combine(folder.Path, "app"));

        var (exitCode, output) = GeneratedCodeBuild.Build(Path.Combine(folder.Path, "app"));

        foreach (var generated in task.GeneratedFiles)
        {
            TestContext.WriteLine($"--- {generated.ItemSpec}");
            TestContext.WriteLine(File.ReadAllText(generated.ItemSpec));
        }
        Assert.AreEqual(0, exitCode, output);
    }
}
