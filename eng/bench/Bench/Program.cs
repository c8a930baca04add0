// The .NET side of the benchmark: the same operations as floor.c, through the generated wrappers
// (the path users take). Usage: Bench <op>... | Bench --memory | Bench --pool <rounds>
// Prints "op <name> <ns per op>" (or the memory and pool-scaling lines).
using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using BenchLib;
using CSnakes.Runtime;
using CSnakes.Runtime.Converters;

using var env = PythonEnvironment.Start();
var lib = env.BenchFuncs();
long sink = 0;

if (args.Length == 1 && args[0] == "--memory")
{
    // 1,000,000 calls taking and returning a list, after a first million that lets the GC heap and
    // Python's allocator reach their working size: a real leak grows linearly, warm-up does not.
    long[] small = Enumerable.Range(0, 10).Select(i => (long)i).ToArray();
    void Million() { for (int i = 0; i < 1_000_000; i++) sink += lib.RoundtripList(small).Count; }
    long Settled() { GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); lib.F(); return Rss(); }
    long start = Settled();
    Million();
    long afterFirst = Settled();
    Million();
    long afterSecond = Settled();
    Console.WriteLine($"rss_first_million_mb {(afterFirst - start) / 1048576.0:F2}");
    Console.WriteLine($"rss_growth_mb {(afterSecond - afterFirst) / 1048576.0:F2}");
    return;
}

if (args.Length == 2 && args[0] == "--pool")
{
    PoolScaling.Run(env, int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

long[] list100k = Enumerable.Range(0, 100_000).Select(i => (long)i).ToArray();
var dict10k = Enumerable.Range(0, 10_000).ToDictionary(i => "k" + i, i => (long)i);
string s16 = "sixteen chars!!!";
byte[][] utf8Items = Enumerable.Range(0, 100_000).Select(i => System.Text.Encoding.UTF8.GetBytes("item" + i)).ToArray();
const int ThreadsN = 20_000;

var ops = new Dictionary<string, Action>
{
    ["call0"] = () => lib.F(),
    ["add"] = () => sink += lib.Add(sink & 0xffff, 1),
    ["str16"] = () => sink += lib.Echo(s16).Length,
    ["list_in"] = () => sink += lib.ListLen(list100k),
    ["list_out"] = () =>
    {
        var list = lib.MakeList(100_000);
        long total = 0;
        for (int i = 0; i < list.Count; i++) total += list[i];
        sink += total;
    },
    ["dict_in"] = () => sink += lib.DictLen(dict10k),
    ["dict_out"] = () =>
    {
        long total = 0;
        foreach (var (key, value) in lib.MakeDict(10_000)) total += value + key.Length;
        sink += total;
    },
    ["buffer"] = () => sink += SumBuffer(lib.MakeBuffer(100), sum: true),
    ["buffer_view_1mb"] = () => sink += SumBuffer(lib.MakeBuffer(1), sum: false),
    ["buffer_view_100mb"] = () => sink += SumBuffer(lib.MakeBuffer(100), sum: false),
    ["held_list_int"] = () => sink += SumLongs(lib.HeldListInt(100_000)),
    ["held_tuple_int"] = () => sink += SumLongs(lib.HeldTupleInt(100_000)),
    ["held_list_float"] = () =>
    {
        var list = lib.HeldListFloat(100_000);
        double total = 0;
        for (int i = 0; i < list.Count; i++) total += list[i];
        sink += (long)total;
    },
    ["held_list_str"] = () =>
    {
        var list = lib.HeldListStr(100_000);
        long total = 0;
        for (int i = 0; i < list.Count; i++) total += list[i].Length;
        sink += total;
    },
    ["held_dict_int"] = () =>
    {
        long total = 0;
        foreach (var (key, value) in lib.HeldDictInt(10_000)) total += value + key.Length;
        sink += total;
    },
    ["held_dict_float"] = () =>
    {
        double total = 0;
        foreach (var (key, value) in lib.HeldDictFloat(10_000)) total += value + key.Length;
        sink += (long)total;
    },
    // The .NET cost a list[str] conversion cannot avoid: making the same 100k strings from UTF-8.
    ["strings_from_utf8"] = () =>
    {
        long total = 0;
        for (int i = 0; i < utf8Items.Length; i++) total += System.Text.Encoding.UTF8.GetString(utf8Items[i]).Length;
        sink += total;
    },
    ["threads16"] = () => RunThreads(16, ThreadsN),
    ["threads1"] = () => { for (int i = 0; i < 16 * ThreadsN; i++) sink += lib.Add(i & 0xffff, 1); },
};

foreach (string name in args)
{
    Console.WriteLine($"op {name} {Measure(ops[name]):F1}");
    // Bytes the .NET side allocates for one operation, after the measurement (steady state).
    long before = GC.GetAllocatedBytesForCurrentThread();
    ops[name]();
    Console.WriteLine($"alloc {name} {GC.GetAllocatedBytesForCurrentThread() - before}");
}

GC.KeepAlive(sink);
return;

static long SumLongs(IReadOnlyList<long> list)
{
    long total = 0;
    for (int i = 0; i < list.Count; i++) total += list[i];
    return total;
}

long SumBuffer(object result, bool sum)
{
    // A Buffer annotation maps to IPyBuffer; older generators gave PyObject.
    using IPyBuffer buffer = result as IPyBuffer ?? BufferConverter.Instance.FromPython((PyObject)result);
    if (result is PyObject owned) owned.Dispose();
    if (!sum) return buffer.Length;
    ReadOnlySpan<byte> bytes = buffer.AsReadOnlySpan<byte>();
    var vectors = MemoryMarshal.Cast<byte, Vector<byte>>(bytes);
    Vector<ulong> acc = Vector<ulong>.Zero;
    foreach (var v in vectors)
    {
        Vector.Widen(v, out Vector<ushort> lo, out Vector<ushort> hi);
        Vector.Widen(lo + hi, out Vector<uint> a, out Vector<uint> b);
        Vector.Widen(a + b, out Vector<ulong> c, out Vector<ulong> d);
        acc += c + d;
    }

    ulong total = Vector.Sum(acc);
    for (int i = vectors.Length * Vector<byte>.Count; i < bytes.Length; i++) total += bytes[i];
    return (long)total;
}

void RunThreads(int threads, int callsPerThread)
{
    using var start = new Barrier(threads + 1);
    var workers = new Thread[threads];
    for (int t = 0; t < threads; t++)
    {
        workers[t] = new Thread(() =>
        {
            start.SignalAndWait();
            long local = 0;
            for (int i = 0; i < callsPerThread; i++) local += lib.Add(i & 0xffff, 1);
            Interlocked.Add(ref sink, local);
        });
        workers[t].Start();
    }

    start.SignalAndWait();
    foreach (var w in workers) w.Join();
}

static double Measure(Action op)
{
    // Warm up until tiered JIT and dynamic PGO have settled: run the operation, then give the CPU away
    // briefly, because the benchmark pins the process to ONE CPU and the runtime's background compiler
    // (which replaces Tier-0 code with optimised code) otherwise barely runs; measured that way the calls
    // stayed Tier-0 and read ~2x slower than in an unpinned process. Settled = no method compiled
    // during a whole round, after at least 400 ms of running the operation.
    var clock = Stopwatch.StartNew();
    long compiled = -1;
    int quietRounds = 0;
    while (clock.ElapsedMilliseconds < 10_000)
    {
        var round = Stopwatch.StartNew();
        while (round.ElapsedMilliseconds < 100) op();
        Thread.Sleep(20);
        long now = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: false);
        quietRounds = now == compiled ? quietRounds + 1 : 0;
        compiled = now;
        if (quietRounds >= 2 && clock.ElapsedMilliseconds >= 400) break;
    }
    long n = 1;
    while (true)
    {
        var t = Stopwatch.StartNew();
        for (long i = 0; i < n; i++) op();
        if (t.Elapsed.TotalMilliseconds >= 60) break;
        n *= 2;
    }

    var samples = new double[7];
    for (int r = 0; r < samples.Length; r++)
    {
        var t = Stopwatch.StartNew();
        for (long i = 0; i < n; i++) op();
        samples[r] = t.Elapsed.TotalNanoseconds / n;
    }

    Array.Sort(samples);
    return samples[samples.Length / 2];
}

static long Rss()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
    }

    return 0;
}
