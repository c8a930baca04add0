using System.Globalization;
using System.Numerics;
using CSnakes.Runtime;
using PyTypes;
using static PyTypes.TypesDemoModule;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var env = PythonEnvironment.Start();
var py = env.TypesDemo();

DateTime shifted = py.Shift(new DateTime(2024, 2, 28, 23, 0, 0), TimeSpan.FromHours(2));
Console.WriteLine($"shift: {shifted:yyyy-MM-ddTHH:mm:ss} {shifted.Kind}");
DateTimeOffset aware = py.Aware(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero));
Console.WriteLine($"aware: {aware:yyyy-MM-ddTHH:mm:sszzz}");
DateOnly day = py.NextDay(new DateOnly(2024, 12, 31));
Console.WriteLine($"next_day: {day:yyyy-MM-dd}");
TimeOnly later = py.Later(new TimeOnly(9, 30, 15));
Console.WriteLine($"later: {later:HH:mm:ss}");
decimal sum = py.Total([1.10m, 2.25m, 0.000000001m]);
Console.WriteLine($"total: {sum}");
Guid next = py.NextUuid(Guid.Parse("00000000-0000-0000-0000-0000000000ff"));
Console.WriteLine($"next_uuid: {next}");
BigInteger big = py.Big(3);
Console.WriteLine($"big: {big}");
Console.WriteLine($"maybe_date: {py.MaybeDate(true):yyyy-MM-dd}|{py.MaybeDate(false)?.ToString() ?? "null"}");

using (IPyBuffer buffer = py.MakeBuffer(5))
{
    ReadOnlySpan<byte> bytes = buffer.AsReadOnlySpan<byte>();
    Console.WriteLine($"make_buffer: {string.Join(",", bytes.ToArray())}");
}
using (PyObject data = PyObject.From<byte[]>([1, 2, 3]))
{
    Console.WriteLine($"buffer_length: {py.BufferLength(data)}");
}

IReadOnlySet<string> shouted = py.ShoutAll(new HashSet<string> { "a", "b" });
Console.WriteLine($"shout_all: {string.Join(",", shouted.Order())}");
Console.WriteLine($"set_kind: {py.SetKind(new HashSet<long> { 1, 2 })}");
Console.WriteLine($"doubled: {string.Join(",", py.Doubled([1, 2, 3]))}");
Console.WriteLine($"tuple_kind: {py.TupleKind(new List<string> { "x", "y" })}");
Console.WriteLine($"count: {py.Count([5, 6, 7, 8])}");
Console.WriteLine($"keys: {string.Join(",", py.Keys(new Dictionary<string, long> { ["b"] = 1, ["a"] = 2 }))}");
using (PyObject one = PyObject.From(1L))
{
    IReadOnlyList<PyObject> loose = py.Loose([one, one], new Dictionary<PyObject, PyObject> { [one] = one });
    Console.WriteLine($"loose: {string.Join(",", loose.Select(p => p.As<long>()))}");
}

Console.WriteLine($"describe: {py.Describe(5L)},{py.Describe("s")},{py.Describe()}");
using (PyObject parsed = py.Parse("42"))
using (PyObject word = py.Parse("hi"))
{
    Console.WriteLine($"parse: {parsed.As<long>()},{word.As<string>()}");
}
Console.WriteLine($"twice: {py.Twice(21L)},{py.Twice("ab")}");

Console.WriteLine($"count_up: {string.Join(",", py.CountUp(4))}");
Console.WriteLine($"squares: {string.Join(",", py.Squares(Enumerable.Range(1, 3).Select(i => (long)i)))}");
using (IGeneratorIterator<long, long, string> running = py.RunningTotal(10))
{
    running.MoveNext();
    long first = running.Current;
    long afterFive = running.Send(5);
    long afterSeven = running.Send(7);
    bool more = running.MoveNext();
    Console.WriteLine($"running_total: {first},{afterFive},{afterSeven},{more},{running.Return}");
}
IReadOnlyList<long> squaresAsync = await py.GatherSquares([2, 3, 4]);
Console.WriteLine($"gather_squares: {string.Join(",", squaresAsync)}");
try
{
    await py.FailAsync("async boom");
    Console.WriteLine("fail_async: no error");
}
catch (PythonInvocationException e)
{
    Console.WriteLine($"fail_async: {e.PythonTypeName}: {e.PythonMessage}, traceback names fail_async: {e.PythonFrames.Any(f => f.FunctionName == "fail_async")}");
    Console.WriteLine($"traceback_file: {e.PythonFrames.First(f => f.FunctionName == "fail_async").FileName}");
}
Console.WriteLine($"eventually: {await py.Eventually("soon")} {await py.EventuallyDoubled(21)}");
try
{
    await py.NotAwaitable();
    Console.WriteLine("not_awaitable: no error");
}
catch (InvalidCastException e)
{
    Console.WriteLine($"not_awaitable: InvalidCastException naming generator: {e.Message.Contains("generator")}");
}
Console.WriteLine($"views: {string.Join(",", py.PriceNames())} {string.Join(",", py.Prices().Select(p => $"{p.Item1}={p.Item2}"))} {string.Join(",", py.UniqueSizes().Order())}");
var ticks = new List<long>();
await foreach (long tick in py.Ticks(4))
{
    ticks.Add(tick);
}
await foreach (long tick in py.Ticks(100))
{
    if (tick >= 20)
    {
        break;
    }
}
Console.WriteLine($"ticks: {string.Join(",", ticks)}; finally ran for {string.Join(",", py.TicksFinished())}");
Console.WriteLine($"next_color: {py.NextColor(Color.Red)},{py.NextColor(Color.DarkBlue)}");
Console.WriteLine($"shades: {string.Join(",", py.Shades([Color.Red, Color.DarkBlue]))}");
Console.WriteLine($"paint: {py.Paint()} {py.Paint(Color.Red, PaintMode.Fast)}");
using (var smallCounter = py.NewCounter(1))
using (var bigCounter = py.NewCounter(10))
{
    smallCounter.Increment();
    bigCounter.Increment(5);
    smallCounter.Value = 2;
    using var busiest = py.Busiest([smallCounter, bigCounter]);
    busiest.Increment();
    Console.WriteLine($"counter: {smallCounter.Value} {bigCounter.Value} {busiest.Value}");
}
Lie("lying_counter", () => py.LyingCounter());
Console.WriteLine($"flip: {py.Flip(FlipResult.On)},{py.Flip(FlipResult.Off)}");
Console.WriteLine($"move: {string.Join(";", py.Move([new Point(1, 2, Color.DarkBlue)], 10))}");
Console.WriteLine($"widen: {py.Widen(new Interval(5))}");
Console.WriteLine($"bump: {py.Bump(new Settings("job", 2))}");
Console.WriteLine($"retry: {py.Retry(new Job("a"))} | {py.Retry(new Job("b", 5))}");
Console.WriteLine($"lift: {py.Lift(new Point3(1, 2, Color.Red))}");
var origin = new Point(-3, 4, Color.Red);
origin.Rename("changed");
Console.WriteLine($"record_methods: {origin.Norm1()} {origin.Shifted(1)} {origin.Label}");
Console.WriteLine($"apply_twice: {py.ApplyTwice(x => x * 3, 2)}");
var visited = new List<string>();
long wordCount = py.EachWord("to be or", (word, index) => visited.Add($"{index}={word}"));
Console.WriteLine($"each_word: {wordCount} {string.Join(",", visited)}");
Console.WriteLine($"guarded: {py.Guarded(() => throw new InvalidOperationException("no value"))}");
Console.WriteLine($"swap_bytes: {string.Join(",", py.SwapBytes([1, 2, 3]))}");
Console.WriteLine($"negate: {py.Negate(true)},{py.Negate(false)}");
Console.WriteLine($"as_float: {py.AsFloat(21)}");
Console.WriteLine($"float_kind: {py.FloatKind(1.0)}");
try
{
    Console.WriteLine($"huge: no error, got {py.Huge()}");
}
catch (OverflowException e)
{
    Console.WriteLine($"huge: OverflowException: {e.Message}");
}
py.Remember("one");
py.Remember("two");
Console.WriteLine($"remember: {string.Join(",", py.Remembered())}");
Console.WriteLine($"pair: {py.Pair((41, "x", 1.5))}");
Console.WriteLine($"eight: {py.Eight((1, 2, 3, 4, 5, 6, 7, 8))}");
var table = new Dictionary<string, IReadOnlyList<long>> { ["a"] = [1, 2], ["b"] = [] };
Console.WriteLine($"group: {string.Join(",", py.Group(table).OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}");
Console.WriteLine($"greet: {py.Greet("ada")}|{py.Greet() ?? "null"}");
Console.WriteLine($"lazy_argument: {string.Join(",", py.Doubled(Enumerable.Range(1, 3).Select(i => (long)i)))}");
Console.WriteLine($"stub: {env.Textwrap().Dedent("  a\n  b").Replace("\n", "/")}|{env.Textwrap().Shorten("one two three four", 12)}");
Console.WriteLine($"call_shape: {py.CallShape(1)}|{py.CallShape(1, 2)}|{py.CallShape(1, 2, 4, 6)}|{py.CallShape(1, d: 6)}|{py.CallShape(1, e: 7)}");
try
{
    py.CallShape(1, c: 4);
    Console.WriteLine("call_shape_refused: no error");
}
catch (ArgumentException e)
{
    Console.WriteLine($"call_shape_refused: {e.ParamName}");
}
try
{
    py.ShoutAll(null!);
    Console.WriteLine("null_argument: no error");
}
catch (ArgumentNullException e)
{
    Console.WriteLine($"null_argument: {e.ParamName} {e.Message.Contains("types_demo.shout_all", StringComparison.Ordinal)}");
}
Console.WriteLine($"keyword_spy: {py.KeywordSpy(1)}|{py.KeywordSpy(1, 2, c: 3)}");
Lie("lying_bool", () => py.LyingBool());
Lie("lying_point", () => py.LyingPoint());
Lie("lying_literal", () => py.LyingLiteral());
Lie("lying_iterator", () => py.LyingIterator().ToList());
Lie("lying_set", () => py.LyingSet());
Lie("lying_date", () => py.LyingDate());
Lie("lying_uuid", () => py.LyingUuid());
Lie("lying_tuple", () => py.LyingTuple());

static void Lie(string name, Func<object> call)
{
    try
    {
        Console.WriteLine($"{name}: no error, got {call()}");
    }
    catch (InvalidCastException e)
    {
        Console.WriteLine($"{name}: InvalidCastException: {e.Message}");
    }
}
