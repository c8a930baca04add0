using CSnakes.Runtime.Interpreter;

namespace CSnakes.Runtime.SubInterpreters;

/// <summary>
/// One worker of a <see cref="PythonInterpreterPool"/>: a sub-interpreter and the environment its work is given.
/// At most one thread runs work on a worker at a time (the pool hands it out exclusively). On a free-threaded build
/// there is no GIL to escape, and a worker is the main interpreter itself (<see cref="Sub"/> is null).
/// </summary>
internal sealed class PoolWorker
{
    private PoolWorker(SubInterpreter? sub, IPythonEnvironment environment)
    {
        Sub = sub;
        Environment = environment;
    }

    public SubInterpreter? Sub { get; }

    public IPythonEnvironment Environment { get; }

    public static PoolWorker OnSubInterpreter(SubInterpreter sub, IPythonEnvironment main, Func<bool> poolDisposed) =>
        new(sub, new WorkerEnvironment(main, sub.Interpreter, poolDisposed));

    public static PoolWorker OnMainInterpreter(IPythonEnvironment main) => new(null, main);

    /// <summary>Runs <paramref name="work"/> on the calling thread, inside this worker's interpreter.</summary>
    public T Execute<T>(Func<IPythonEnvironment, T> work)
    {
        if (Sub is null)
        {
            return work(Environment);
        }

        GIL.EnterSubInterpreter(Sub.StateForCurrentThread());
        try
        {
            return work(Environment);
        }
        finally
        {
            GIL.LeaveSubInterpreter();
        }
    }

    /// <summary>Ends the worker's interpreter (see <see cref="SubInterpreter.End"/>); null when it ended.</summary>
    public string? End(TimeSpan threadTimeout) =>
        Sub?.End(threadTimeout, () => ((WorkerEnvironment)Environment).DisposeModules());
}
