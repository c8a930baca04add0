using System.Diagnostics;
using System.Runtime.InteropServices;
using CSnakes.Runtime;

// Usage: <scenario> <libpython> <home> <venv> <module path> [scenario arguments…]
// Prints "key=value" lines the test reads; the exit code is the scenario's verdict or the crash.
string scenario = args[0];
var options = new PythonEnvironmentOptions
{
    LibPythonPath = args[1],
    Home = args[2],
    VirtualEnvironment = args[3],
    ModulePaths = [args[4]],
    ShutdownTimeout = scenario is "endless-thread" or "short-thread" or "pool-endless-thread" ? TimeSpan.FromSeconds(double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture)) : TimeSpan.FromSeconds(5),
    EnableFaultHandler = scenario is "segfault" or "null-reference-faulthandler",
};

return scenario switch
{
    "pool" => Pool(options, args[5]),
    "endless-thread" => DisposeWithThread(options, "start_endless_thread"),
    "short-thread" => DisposeWithThread(options, "start_short_thread"),
    "segfault" or "segfault-no-faulthandler" => Segfault(options),
    "pool-refused-extension" => PoolScenarios.RefusedExtension(options, args[5]),
    "pool-endless-thread" => PoolScenarios.EndlessThread(options),
    "pool-churn" => PoolScenarios.Churn(options, int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture)),
    "null-reference" or "null-reference-faulthandler" => NullReference(options),
    _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
};

// multiprocessing.Pool with one start method; ends with terminate() (the with block).
static int Pool(PythonEnvironmentOptions options, string method)
{
    // A SIGTERM that reaches this process through .NET's signal pipe (the bug: a forked child
    // inheriting .NET's handler) is recorded instead of ending the process, so the test can say so.
    int sigterms = 0;
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        Interlocked.Increment(ref sigterms);
        context.Cancel = true;
    });
    using var marker = new ManualResetEventSlim();
    using var onMarker = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, context =>
    {
        marker.Set();
        context.Cancel = true;
    });

    using var python = PythonEnvironment.Start(options);
    using (GIL.Acquire())
    {
        using var module = python.Import("child_fixtures");
        using var function = module.GetAttr("pool_squares");
        using var methodName = PyObject.From(method);
        using var result = function.Call([methodName]);
        Console.WriteLine("result=" + result.ToString());
        using var terminated = module.GetAttr("terminated_child_exit_code");
        using var exitCode = terminated.Call([methodName]);
        Console.WriteLine("terminated_exit_code=" + exitCode.ToString());
        using var pid = module.GetAttr("pid");
        using var childPid = pid.Call();
        Console.WriteLine("python_pid_is_host=" + (childPid.As<long>() == Environment.ProcessId));
    }

    // The signals of one process pass through one pipe in order: once this marker has been seen,
    // a SIGTERM forwarded by a pool worker before it died has been seen too.
    kill(Environment.ProcessId, 28 /* SIGWINCH on Linux and macOS */);
    Console.WriteLine("marker_seen=" + marker.Wait(TimeSpan.FromSeconds(60)));
    Console.WriteLine("sigterms=" + Volatile.Read(ref sigterms));
    return 0;
}

// Dispose while a non-daemon Python thread runs: one that never ends, or one that ends soon.
static int DisposeWithThread(PythonEnvironmentOptions options, string starter)
{
    var python = PythonEnvironment.Start(options);
    using (GIL.Acquire())
    {
        using var module = python.Import("child_fixtures");
        using var function = module.GetAttr(starter);
        using var name = PyObject.From("csnakes-test-never-ends");
        function.Call([name]).Dispose();
    }

    var clock = Stopwatch.StartNew();
    try
    {
        python.Dispose();
        Console.WriteLine("dispose=returned");
    }
    catch (Exception e)
    {
        Console.WriteLine("dispose=" + e.GetType().Name);
        Console.WriteLine("message=" + e.Message.ReplaceLineEndings(" "));
    }

    Console.WriteLine("elapsed_seconds=" + clock.Elapsed.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine("disposed=" + python.IsDisposed);
    // Written by the short thread as its last act; read from the file because Python is gone.
    string record = Path.Combine(Path.GetTempPath(), $"csnakes-short-thread-{Environment.ProcessId}.txt");
    if (File.Exists(record))
    {
        Console.WriteLine("thread_finished=" + (File.ReadAllText(record) == "finished"));
        File.Delete(record);
    }

    return 0;
}

static int Segfault(PythonEnvironmentOptions options)
{
    var python = PythonEnvironment.Start(options);
    using (GIL.Acquire())
    {
        using var module = python.Import("child_fixtures");
        using var function = module.GetAttr("read_address_zero");
        Console.WriteLine("calling=read_address_zero");
        Console.Out.Flush();
        function.Call().Dispose();
    }

    Console.WriteLine("survived=True");
    return 0;
}

// .NET turns a hardware fault in managed code into NullReferenceException through its own SIGSEGV
// handler; Python's faulthandler must not take that signal away from it.
static int NullReference(PythonEnvironmentOptions options)
{
    using var python = PythonEnvironment.Start(options);
    int caught = 0;
    for (int i = 0; i < 3; i++)
    {
        try
        {
            Console.WriteLine(Touch(null!));
        }
        catch (NullReferenceException)
        {
            caught++;
        }
    }

    Console.WriteLine("caught=" + caught);
    return 0;
}

[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
static int Touch(int[] array) => array[0];

[DllImport("libc", SetLastError = true)]
static extern int kill(int pid, int signal);
