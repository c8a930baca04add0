using System.Diagnostics;
using BenchLib;
using CSnakes.Runtime;

/// <summary>
/// Throughput of a CPU-bound pure-Python function (a few ms a call) relative to one thread calling it: from two
/// .NET threads on the main interpreter (the GIL's path), and on interpreter pools of 2 and 4. Configurations are
/// interleaved within each round and ratios are taken within a round, then the median across rounds: this VM's
/// clock and neighbours drift over seconds. Prints "pool <configuration> <throughput vs one thread>", and how many
/// cores' worth of CPU the process used while running it ("pool_cores"), which shows parallelism even when other
/// processes take some of the cores.
/// </summary>
internal static class PoolScaling
{
    private const long Work = 100_000;
    private const int Calls = 240;

    public static void Run(IPythonEnvironment env, int rounds)
    {
        var lib = env.BenchFuncs();
        long sink = 0;
        using var pool2 = env.CreateInterpreterPool(2);
        using var pool4 = env.CreateInterpreterPool(4);

        void OnMainInterpreter(int threads) => Parallel(threads, _ => { for (int i = 0; i < Calls / threads; i++) Interlocked.Add(ref sink, lib.Burn(Work)); });
        void RunOnCallers(PythonInterpreterPool pool, int threads) =>
            Parallel(threads, _ => { for (int i = 0; i < Calls / threads; i++) Interlocked.Add(ref sink, pool.Run(py => py.BenchFuncs().Burn(Work))); });
        void RunAsync(PythonInterpreterPool pool) =>
            Interlocked.Add(ref sink, Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => pool.RunAsync(py => py.BenchFuncs().Burn(Work)))).Result.Sum());

        var configurations = new (string Name, Action Run)[]
        {
            ("one_thread", () => OnMainInterpreter(1)),
            ("main_2_threads", () => OnMainInterpreter(2)),
            ("pool2_run_2_threads", () => RunOnCallers(pool2, 2)),
            ("pool2_run_async", () => RunAsync(pool2)),
            ("pool4_run_async", () => RunAsync(pool4)),
        };

        // Warm-up: each interpreter imports the module and runs the function before anything is timed.
        foreach (var (_, run) in configurations)
        {
            run();
        }

        var ratios = configurations.ToDictionary(c => c.Name, _ => new List<double>());
        var cores = configurations.ToDictionary(c => c.Name, _ => new List<double>());
        var oneThreadSeconds = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            double baseline = Seconds(configurations[0].Run, out double baselineCores);
            oneThreadSeconds.Add(baseline);
            cores["one_thread"].Add(baselineCores);
            foreach (var (name, run) in configurations.Skip(1))
            {
                ratios[name].Add(baseline / Seconds(run, out double used));
                cores[name].Add(used);
            }
        }

        Console.WriteLine($"pool_seconds one_thread {Median(oneThreadSeconds):F2} ({Calls} calls)");
        foreach (var (name, _) in configurations.Skip(1))
        {
            Console.WriteLine($"pool {name} {Median(ratios[name]):F2}");
        }

        foreach (var (name, _) in configurations)
        {
            Console.WriteLine($"pool_cores {name} {Median(cores[name]):F2}");
        }

        GC.KeepAlive(sink);
    }

    private static void Parallel(int threads, Action<int> body)
    {
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => body(t))).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
    }

    private static double Seconds(Action run, out double coresUsed)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        run();
        double seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        coresUsed = (self.TotalProcessorTime - cpuBefore).TotalSeconds / seconds;
        return seconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
