using CSnakes.Python.Tasks.Tests.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>
/// Generated wrappers work unchanged on the environment pool work is given: module accessors import the module into
/// that sub-interpreter, records and enums convert there, class static methods and typed exceptions act in it, and
/// each interpreter keeps its own module state. Generated with pyenv's 3.13 reading the module, compiled against the runtime,
/// and run on Debian testing's CPython 3.15 (the Debian testing root): pools refuse pyenv's 3.13.0.
/// </summary>
[TestClass]
public sealed class InterpreterPoolCompileTests
{
    private const string PythonVersion = "3.13.0";

    private const string Module = """
        import datetime
        from dataclasses import dataclass
        from enum import Enum

        class Parity(Enum):
            EVEN = "even"
            ODD = "odd"

        @dataclass
        class Tally:
            primes: int
            parity: Parity
            when: datetime.date

        class TooLarge(ValueError):
            pass

        class Sieve:
            @staticmethod
            def limit() -> int:
                return 100_000

        calls: list[int] = []

        def count(n: int) -> Tally:
            if n > Sieve.limit():
                raise TooLarge(f"{n} is over the limit")
            calls.append(n)
            found = sum(1 for k in range(2, n) if all(k % d for d in range(2, int(k ** 0.5) + 1)))
            return Tally(found, Parity.EVEN if found % 2 == 0 else Parity.ODD, datetime.date(2026, 12, 8))

        def calls_here() -> int:
            return len(calls)
        """;

    private const string Program = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using CSnakes.Runtime;
        using Sample.App;
        using static Sample.App.PrimesModule;

        var options = new PythonEnvironmentOptions { LibPythonPath = args[0], Home = args[1], ModulePaths = [args[2]] };
        using var env = PythonEnvironment.Start(options);
        using (var pool = env.CreateInterpreterPool(2))
        {
            var tallies = await Task.WhenAll(new long[] { 10, 100, 1000, 2000 }.Select(n => pool.RunAsync(py => py.Primes().Count(n))));
            Console.WriteLine("tallies: " + string.Join(" ", tallies.Select(t => $"{t.Primes}/{t.Parity}/{t.When:yyyy-MM-dd}")));
            Console.WriteLine("limit in pool: " + pool.Run(_ => Sieve.Limit()));
            string caught = pool.Run(py =>
            {
                try { py.Primes().Count(1_000_000); return "nothing"; }
                catch (TooLarge e) when (e is BuiltinsModule.ValueError) { return "TooLarge: " + e.PythonMessage; }
            });
            Console.WriteLine("caught in pool: " + caught);
            long inPool = await pool.RunAsync(py => py.Primes().CallsHere()) + await pool.RunAsync(py => py.Primes().CallsHere());
            Console.WriteLine("calls counted in the pool: " + (inPool >= 2));
        }

        Console.WriteLine("calls in main: " + env.Primes().CallsHere());
        Console.WriteLine("main: " + env.Primes().Count(10).Primes);
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Slow")]
    public void GeneratedWrappersRunUnchangedInAnInterpreterPool()
    {
        var python = PyenvPython.Require(PythonVersion);
        using var folder = new TempFolder();
        var pythonRoot = GeneratedApp.PythonRoot(folder);
        folder.Write("py/primes.py", Module);
        GeneratedApp.Generate(folder, python, "primes.py");
        folder.Write("app/Program.cs", Program);

        var run = GeneratedApp.BuildAndRunInDebianTestingRoot(Path.Combine(folder.Path, "app"), "15", pythonRoot);

        TestContext.WriteLine(run);
        StringAssert.Contains(run, "tallies: 4/Even/2026-12-08 25/Odd/2026-12-08 168/Even/2026-12-08 303/Odd/2026-12-08\n");
        StringAssert.Contains(run, "limit in pool: 100000\n");
        StringAssert.Contains(run, "caught in pool: TooLarge: 1000000 is over the limit\n");
        StringAssert.Contains(run, "calls counted in the pool: True\n");
        // The pool's interpreters kept their own list: the main interpreter's module saw no call.
        StringAssert.Contains(run, "calls in main: 0\nmain: 4\n");
    }
}
