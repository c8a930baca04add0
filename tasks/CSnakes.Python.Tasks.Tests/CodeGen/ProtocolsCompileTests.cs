using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Python's protocols as C# members (operators, Count/indexer/IReadOnlyList, iteration, Contains, Invoke, Enter + Dispose):
/// the generated wrappers compile with a caller against the real runtime (warnings are errors), and the caller runs them on
/// a real interpreter.
/// </summary>
[TestClass]
public sealed class ProtocolsCompileTests
{
    private const string PythonVersion = "3.13.0";

    private const string Module = """
        from typing import ClassVar, Iterator, Self, overload

        class Vector:
            '''A 2-d vector with Python's operators.'''
            def __init__(self, x: int, y: int) -> None:
                self.x = x
                self.y = y

            @property
            def text(self) -> str:
                return f"({self.x}, {self.y})"

            def length(self) -> int:
                return self.x * self.x + self.y * self.y

            def __add__(self, other: "Vector") -> "Vector":
                return Vector(self.x + other.x, self.y + other.y)

            def __sub__(self, other: "Vector") -> "Vector":
                return Vector(self.x - other.x, self.y - other.y)

            def __mul__(self, k: int) -> "Vector":
                return Vector(self.x * k, self.y * k)

            def __truediv__(self, k: float) -> list[float]:
                return [self.x / k, self.y / k]

            def __floordiv__(self, k: int) -> "Vector":
                return Vector(self.x // k, self.y // k)

            def __mod__(self, k: int) -> "Vector":
                return Vector(self.x % k, self.y % k)

            def __neg__(self) -> "Vector":
                return Vector(-self.x, -self.y)

            def __pos__(self) -> Self:
                return self

            def __and__(self, mask: int) -> int:
                return self.x & mask

            def __or__(self, mask: int) -> int:
                return self.x | mask

            def __xor__(self, mask: int) -> int:
                return self.x ^ mask

            def __lshift__(self, n: int) -> "Vector":
                return Vector(self.x << n, self.y << n)

            def __rshift__(self, n: int) -> "Vector":
                return Vector(self.x >> n, self.y >> n)

            def __eq__(self, other: object) -> bool:
                return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

            def __hash__(self) -> int:
                return hash((self.x, self.y))

            # No __gt__: C#'s > is Python's a > b, which Python answers with b.__lt__(a).
            def __lt__(self, other: "Vector") -> bool:
                return self.length() < other.length()

            # No __ge__, and an int cannot answer it: neither <= nor >= (a build message says so).
            def __le__(self, other: int) -> bool:
                return self.length() <= other

            def __radd__(self, other: int) -> "Vector":
                return Vector(self.x + other, self.y + other)

        class Path:
            '''Like typeshed's PurePath.__truediv__: overloads.'''
            def __init__(self, *parts: str) -> None:
                self.parts = list(parts)

            @overload
            def __truediv__(self, key: str) -> Self: ...
            @overload
            def __truediv__(self, key: "Path") -> Self: ...
            def __truediv__(self, key):
                return Path(*self.parts, *(key.parts if isinstance(key, Path) else [key]))

            @property
            def text(self) -> str:
                return "/".join(self.parts)

        class Bag:
            '''A sequence: IReadOnlyList<string>; its own count() keeps the name Count.'''
            def __init__(self, *items: str) -> None:
                self._items = list(items)

            def __len__(self) -> int:
                return len(self._items)

            def __getitem__(self, index: int) -> str:
                return self._items[index]

            def __iter__(self) -> Iterator[str]:
                return iter(self._items)

            def __contains__(self, item: str) -> bool:
                return item in self._items

            def count(self, item: str) -> int:
                return self._items.count(item)

        class Countdown:
            '''An iterator class: __iter__ returns self, __next__ gives the items.'''
            def __init__(self, start: int) -> None:
                self.n = start

            def __iter__(self) -> Self:
                return self

            def __next__(self) -> int:
                if self.n == 0:
                    raise StopIteration
                self.n -= 1
                return self.n + 1

        class Scores:
            '''A mapping-like class: Count and a str indexer, no collection interface.'''
            def __init__(self) -> None:
                self._scores = {"ada": 3, "bob": 5}

            def __len__(self) -> int:
                return len(self._scores)

            def __getitem__(self, name: str) -> int:
                return self._scores[name]

        class Greeter:
            def __init__(self) -> None:
                pass

            def __call__(self, name: str, punctuation: str = "!") -> str:
                return f"Hello, {name}{punctuation}"

        class Session:
            '''A context manager.'''
            log: ClassVar[list[str]] = []

            def __init__(self, name: str) -> None:
                self.name = name

            def __enter__(self) -> Self:
                Session.log.append("enter " + self.name)
                return self

            def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
                Session.log.append(f"exit {self.name} {exc_type is None}")

            @staticmethod
            def events() -> list[str]:
                return list(Session.log)
        """;

    private const string Program = """
        using System;
        using System.Collections.Generic;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.ProtocolishModule;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        var m = env.Protocolish();
        using Vector a = m.NewVector(1, 2);
        using Vector b = m.NewVector(3, 4);
        using Vector same = m.NewVector(1, 2);
        Console.WriteLine($"ops: {(a + b).Text} {(b - a).Text} {(a * 3).Text} {string.Join(",", b / 2.0)} {b.FloorDivide(2).Text} {(b % 2).Text} {(-a).Text} {(+a).Text} {a & 3} {a | 4} {a ^ 1} {(a << 1).Text} {(b >> 1).Text}");
        Console.WriteLine($"compare: {a == same} {a != b} {a == b} {a < b} {b > a} {a > b} {a.Equals(same)} {a.GetHashCode() == same.GetHashCode()} {new HashSet<Vector> { a, same }.Count} {a == null}");
        using Path usr = m.NewPath("usr");
        using Path python = m.NewPath("python3");
        Console.WriteLine($"path: {(usr / "lib" / python).Text}");
        using Bag bag = m.NewBag("a", "b", "a");
        IReadOnlyList<string> list = bag;
        Console.WriteLine($"bag: {bag.Count_} {bag[1]} {list[2]} {string.Join("", bag)} {bag.Contains("b")} {bag.Contains("z")} {list.Count} {bag.Count("a")}");
        using Countdown countdown = m.NewCountdown(3);
        Console.WriteLine($"countdown: {string.Join(",", countdown)}");
        using Scores scores = m.NewScores();
        Console.WriteLine($"scores: {scores.Count} {scores["bob"]}");
        using Greeter greeter = m.NewGreeter();
        Console.WriteLine($"call: {greeter.Invoke("Ada")} {greeter.Invoke("Bob", "?")}");
        using (Session session = m.NewSession("db"))
        {
            using Session entered = session.Enter();
            Console.WriteLine($"inside: {string.Join(",", Session.Events())}");
        }
        using (Session unused = m.NewSession("unused"))
        {
        }
        Console.WriteLine($"session: {string.Join(",", Session.Events())}");
        """;

    [TestMethod]
    [TestCategory("Slow")]
    public void ProtocolsCompileAndRunAgainstTheRuntime()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/protocolish.py", Module);
        var (_, engine) = GeneratedApp.Generate(folder, python, "protocolish.py");
        Assert.IsFalse(engine.Warnings.Any(), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var app = Path.Combine(folder.Path, "app");
        folder.Write("app/Program.cs", Program);
        var run = GeneratedApp.BuildAndRun(app, python, PythonVersion, pythonRoot);
        TestContext.WriteLine(run);
        StringAssert.Contains(run, "ops: (4, 6) (2, 2) (3, 6) 1.5,2 (1, 2) (1, 0) (-1, -2) (1, 2) 1 5 0 (2, 4) (1, 2)\n");
        StringAssert.Contains(run, "compare: True True False True True False True True 1 False\n");
        StringAssert.Contains(run, "path: usr/lib/python3\n");
        StringAssert.Contains(run, "bag: 3 b a aba True False 3 2\n");
        StringAssert.Contains(run, "countdown: 3,2,1\n");
        StringAssert.Contains(run, "scores: 2 5\n");
        StringAssert.Contains(run, "call: Hello, Ada! Hello, Bob?\n");
        StringAssert.Contains(run, "inside: enter db\n");
        StringAssert.Contains(run, "session: enter db,exit db True\n");
    }

    public TestContext TestContext { get; set; } = null!;
}
