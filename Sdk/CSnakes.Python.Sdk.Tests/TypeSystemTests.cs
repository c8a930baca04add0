namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/TypeSystem: every mapped row of the type table (docs/type-mapping.md) called through generated code,
/// including functions whose values contradict their annotations.
/// </summary>
[TestClass]
public sealed class TypeSystemTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void EveryMappedTypeRoundTripsThroughGeneratedCodeAndLiesAreInvalidCasts()
    {
        var workspace = E2EEnvironment.CreateWorkspace("TypeSystem");
        var build = DotNetCli.Run(workspace, "build", "App", "-nodeReuse:false");
        TestContext.WriteLine(build.ToString());
        Assert.AreEqual(0, build.ExitCode, "build failed");
        StringAssert.DoesNotMatch(build.Output, new System.Text.RegularExpressions.Regex("CSPY3001"), "an annotation of the fixture was not mapped");

        var run = DotNetCli.Run(workspace, "run", "--project", "App", "--no-build");
        TestContext.WriteLine(run.ToString());
        Assert.AreEqual(0, run.ExitCode, run.ToString());

        string[] expected =
        [
            "shift: 2024-02-29T01:00:00 Unspecified",
            "aware: 2024-01-01T14:00:00+02:00",
            "next_day: 2025-01-01",
            "later: 10:30:15",
            "total: 3.350000001",
            "next_uuid: 00000000-0000-0000-0000-000000000100",
            "big: 3541774862152233910272",
            "maybe_date: 2000-01-01|null",
            "make_buffer: 0,1,2,3,4",
            "buffer_length: 3",
            "shout_all: A,B",
            "set_kind: frozenset:3",
            "doubled: 2,4,6",
            "tuple_kind: tuple:x,y",
            "count: 4",
            "keys: a,b",
            "loose: 2,1",
            "describe: int,str,NoneType",
            "parse: 42,hi",
            "twice: 42,abab",
            "count_up: 0,1,2,3",
            "squares: 1,4,9",
            "running_total: 10,15,22,False,total=22",
            "gather_squares: 4,9,16",
            "fail_async: ValueError: async boom, traceback names fail_async: True",
            "eventually: soon! 42",
            "not_awaitable: InvalidCastException naming generator: True",
            "views: tea,cake tea=3,cake=5 1,2,3",
            "ticks: 0,10,20,30; finally ran for 4,100",
            "next_color: DarkBlue,Red",
            "shades: DarkBlue,Red",
            "paint: DARK_BLUE/slow RED/fast",
            "counter: 2 16 16",
            "flip: Off,On",
            "move: Point { X = 11, Y = 2, Color = DarkBlue, Label = pt! }",
            "widen: Interval { Start = 4, Label = span+ }",
            "bump: Settings { Name = JOB, Retries = 3 }",
            "retry: Job { Name = a, Retries = 1 } | Job { Name = b, Retries =  }",
            "lift: Point3 { X = 1, Y = 2, Color = Red, Label = pt, Z = 1 }",
            // A record's methods run on a Python copy: results come back, changes to the copy do not.
            "record_methods: 7 Point { X = -2, Y = 4, Color = Red, Label = pt } pt",
            "apply_twice: 18",
            "each_word: 3 0=to,1=be,2=or",
            "guarded: caught DotNetError: System.InvalidOperationException: no value",
            "swap_bytes: 3,2,1",
            "negate: False,True",
            "as_float: 42",
            "float_kind: float",
            "remember: one,two",
            "pair: (X, 42, 3)",
            "eight: (8, 7, 6, 5, 4, 3, 2, 1)",
            "group: a=3,b=0",
            "greet: hi ada|null",
            "lazy_argument: 2,4,6",
            "stub: a/b|one [...]",
            // Positional while every earlier argument is given; after an omitted one by keyword; a positional-only
            // one that holds its default is left out, any other value is refused before Python is called.
            "call_shape: 1,-,3,-,5|1,2,3,-,5|1,2,4,6,5|1,-,3,6,5|1,-,3,-,7",
            "call_shape_refused: c",
            // A null where Python needs a value names the function and its parameter, not a converter's 'value'.
            "null_argument: words True",
            "keyword_spy: 1,-,1,[]|1,2,3,[]",
        ];
        foreach (var line in expected)
        {
            StringAssert.Contains(run.Output, line);
        }
        // A build's traceback names the project's own file (the one to open in an IDE), not its copy in bin/.
        StringAssert.Contains(run.Output, "traceback_file: " + Path.Combine(workspace, "PyTypes", "types_demo.py") + Environment.NewLine);

        var huge = run.Output.Split('\n').Single(l => l.StartsWith("huge: ", StringComparison.Ordinal));
        StringAssert.Contains(huge, "OverflowException");
        StringAssert.Contains(huge, "1180591620717411303424", "the message carries the value");
        AssertLie(run.Output, "lying_bool", "'bool'", "'int'");
        AssertLie(run.Output, "lying_iterator", "'int'", "'str'");
        AssertLie(run.Output, "lying_set", "'set'", "'list'");
        AssertLie(run.Output, "lying_date", "'datetime.date'", "'str'");
        AssertLie(run.Output, "lying_uuid", "'uuid.UUID'", "'int'");
        AssertLie(run.Output, "lying_tuple", "'tuple'", "'set'");
        AssertLie(run.Output, "lying_point", "'types_demo.Point'", "'tuple'");
        AssertLie(run.Output, "lying_counter", "'types_demo.Counter'", "'str'");
        AssertLie(run.Output, "lying_literal", "'off', 'on'", "'maybe'");
    }

    private static void AssertLie(string output, string function, string expectedType, string actualType)
    {
        var line = output.Split('\n').SingleOrDefault(l => l.StartsWith(function + ": ", StringComparison.Ordinal));
        Assert.IsNotNull(line, $"no output for {function}");
        StringAssert.Contains(line, "InvalidCastException");
        StringAssert.Contains(line, "types_demo." + function);
        StringAssert.Contains(line, expectedType);
        StringAssert.Contains(line, actualType);
    }
}
