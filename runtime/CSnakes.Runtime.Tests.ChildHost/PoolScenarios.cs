using System.Diagnostics;
using CSnakes.Runtime;

/// <summary>Interpreter-pool scenarios that end or may end the process: each prints "key=value" lines the test reads.</summary>
internal static class PoolScenarios
{
    /// <summary>
    /// Imports <paramref name="module"/> (an extension without sub-interpreter support) in a pool, disposes the pool,
    /// then imports it in the main interpreter: on 3.12 that order aborted the process (gh-117953), which is one reason pools need 3.13.
    /// </summary>
    public static int RefusedExtension(PythonEnvironmentOptions options, string module)
    {
        using var python = PythonEnvironment.Start(options);
        using (var pool = python.CreateInterpreterPool(1))
        {
            try
            {
                pool.Run(py => py.Import(module)).Dispose();
                Console.WriteLine("in_pool=imported");
            }
            catch (PythonInvocationException e)
            {
                Console.WriteLine("in_pool=" + e.PythonTypeName);
                Console.WriteLine("is_import_error=" + (e is BuiltinsModule.ImportError));
                Console.WriteLine("names_module=" + e.PythonMessage.Contains(module, StringComparison.Ordinal));
            }

            Console.WriteLine("pool_still_works=" + pool.Run(py => { using var v = py.ExecuteExpression("6 * 7"); return v.As<long>() == 42; }));
        }

        Console.WriteLine("pool_disposed=True");
        using (var imported = python.Import(module))
        {
            Console.WriteLine("main_import=" + imported.GetAttr("__name__").As<string>());
        }

        using (var again = python.CreateInterpreterPool(1))
        {
            Console.WriteLine("second_pool_works=" + again.Run(py => { using var v = py.ExecuteExpression("2 + 2"); return v.As<long>() == 4; }));
        }

        Console.Out.Flush();
        return 0;
    }

    /// <summary>Pool work starts a thread that never ends: disposing the pool, then the environment, must not hang.</summary>
    public static int EndlessThread(PythonEnvironmentOptions options)
    {
        var python = PythonEnvironment.Start(options);
        var pool = python.CreateInterpreterPool(1);
        pool.Run(py =>
        {
            using var module = py.Import("child_fixtures");
            using var start = module.GetAttr("start_endless_thread");
            using var name = PyObject.From("csnakes-pool-never-ends");
            start.Call([name]).Dispose();
            return 0;
        });

        var clock = Stopwatch.StartNew();
        Report("pool_dispose", pool.Dispose);
        Report("environment_dispose", python.Dispose);
        Console.WriteLine("elapsed_seconds=" + clock.Elapsed.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.Out.Flush();
        return 0;

        static void Report(string key, Action dispose)
        {
            try
            {
                dispose();
                Console.WriteLine(key + "=returned");
            }
            catch (Exception e)
            {
                Console.WriteLine(key + "=" + e.GetType().Name);
                Console.WriteLine(key + "_message=" + e.Message.ReplaceLineEndings(" "));
            }
        }
    }

    /// <summary>Makes, uses and disposes <paramref name="cycles"/> pools; prints the process's memory before and after.</summary>
    public static int Churn(PythonEnvironmentOptions options, int cycles)
    {
        using var python = PythonEnvironment.Start(options);
        void Cycle()
        {
            using var pool = python.CreateInterpreterPool(2);
            Task.WaitAll(Enumerable.Range(0, 4).Select(i => pool.RunAsync(py =>
            {
                using var module = py.Import("json");
                using var dumps = module.GetAttr("dumps");
                using var value = PyObject.From<IReadOnlyList<long>>([i, i + 1]);
                using var text = dumps.Call([value]);
                return text.As<string>();
            })).ToArray());
        }

        for (int i = 0; i < 10; i++)
        {
            Cycle();
        }

        long before = ResidentBytes();
        for (int i = 0; i < cycles; i++)
        {
            Cycle();
        }

        long after = ResidentBytes();
        Console.WriteLine("resident_before=" + before);
        Console.WriteLine("resident_after=" + after);
        Console.Out.Flush();
        return 0;

        static long ResidentBytes()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64;
        }
    }
}
