using CSnakes.Runtime;
using CSnakes.Runtime.Logging;
using Forecast;

namespace WebApp;

/// <summary>
/// <c>WebApp --dispose-race</c>: disposes the environment while 8 threads are calling Python (one of
/// them inside a call that sleeps, all logging through an attached <see cref="PythonLoggingBridge"/>
/// that is deliberately disposed only after the environment), then checks that every call either completed or failed with
/// <see cref="ObjectDisposedException"/> and that later calls fail the same way. Exit code 0 on success.
/// It runs in its own process because a process hosts one interpreter, once.
/// </summary>
internal static class DisposeRace
{
    public static int Run()
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        var env = PythonEnvironment.Start();
        var bridge = PythonLogging.Attach(env, loggerFactory);
        IForecast forecast = env.Forecast();
        const int threads = 8;
        long completed = 0, disposed = 0, other = 0;
        using var allCalling = new CountdownEvent(threads);
        using var slowStarted = new ManualResetEventSlim();
        double slowResult = double.NaN;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            bool signalled = false;
            while (true)
            {
                try
                {
                    if (t == 0)
                    {
                        slowStarted.Set();
                        slowResult = forecast.SlowMean([1.0, 2.0, 3.0], 0.5);
                    }
                    else
                    {
                        forecast.Predict([1.0, 2.0, 3.0], 2);
                    }

                    Interlocked.Increment(ref completed);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref disposed);
                    if (!signalled)
                    {
                        allCalling.Signal();
                    }

                    return;
                }
                catch (Exception e)
                {
                    Console.WriteLine($"dispose-race: unexpected {e}");
                    Interlocked.Increment(ref other);
                    if (!signalled)
                    {
                        allCalling.Signal();
                    }

                    return;
                }

                if (!signalled)
                {
                    signalled = true;
                    allCalling.Signal();
                }

                if (t == 0)
                {
                    return;
                }
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        // Thread 0 is inside its 0.5 s sleep once every other thread has completed at least one call.
        slowStarted.Wait();
        allCalling.Wait(TimeSpan.FromMinutes(1));
        env.Dispose();
        // The wrong order on purpose: the bridge must notice Python is gone rather than hang.
        bool bridgeStopped = Task.Run(bridge.Dispose).Wait(TimeSpan.FromSeconds(30));
        bool joined = workers.All(w => w.Join(TimeSpan.FromSeconds(30)));

        bool laterCallFails;
        try
        {
            forecast.Predict([1.0, 2.0], 1);
            laterCallFails = false;
        }
        catch (ObjectDisposedException)
        {
            laterCallFails = true;
        }

        Console.WriteLine($"dispose-race: completed={completed} disposed={disposed} other={other} joined={joined} bridgeStopped={bridgeStopped} slowResult={slowResult} laterCallFails={laterCallFails}");
        return joined && bridgeStopped && other == 0 && disposed == threads - 1 && slowResult == 2.0 && laterCallFails ? 0 : 1;
    }
}
