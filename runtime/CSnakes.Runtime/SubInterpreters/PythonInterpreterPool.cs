using System.Collections.Concurrent;
using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;
using CSnakes.Runtime.SubInterpreters;

namespace CSnakes.Runtime;

/// <summary>
/// Python sub-interpreters, each with its own GIL, that run Python code in parallel inside this process (CPython
/// 3.13+). Work given to <see cref="Run{T}"/> or <see cref="RunAsync{T}"/> runs on one of them and gets that
/// interpreter's <see cref="IPythonEnvironment"/>, on which the generated wrappers work unchanged (CPython 3.13+):
/// <code>
/// using var pool = env.CreateInterpreterPool(workers: 2);
/// long[] counts = await Task.WhenAll(ranges.Select(r => pool.RunAsync(py => py.Primes().Count(r))));
/// </code>
/// </summary>
/// <remarks>
/// <para>Each interpreter imports its own modules (module state is per interpreter, as in Python). Python objects
/// never cross interpreters: a <see cref="PyObject"/> made inside work is usable only inside work on the same
/// interpreter, and elsewhere throws <see cref="InvalidOperationException"/> naming its interpreter. Convert results
/// to .NET values (what generated wrappers return) before the work ends.</para>
/// <para>Extension modules that do not support sub-interpreters (numpy today; any single-phase-init module) raise
/// the <c>ImportError</c> Python raises, as a <see cref="PythonInvocationException"/>; the pool and the main
/// interpreter keep working.</para>
/// <para>On a free-threaded build (3.13t+) there is no GIL to escape: the pool runs work on the main interpreter,
/// on its own threads.</para>
/// <para>Every member may be called from any thread.</para>
/// </remarks>
public sealed class PythonInterpreterPool : IDisposable
{
    private static int s_lastPoolNumber;

    private readonly Action<PythonInterpreterPool> _forget;
    private readonly TimeSpan _threadTimeout;
    private readonly PoolWorker[] _workers;
    private readonly ConcurrentStack<PoolWorker> _free = new();
    private readonly SemaphoreSlim _freeCount;
    private readonly BlockingCollection<PoolWorkItem> _queue = [];
    private readonly Thread[] _threads;
    private int _disposed;

    internal PythonInterpreterPool(IPythonEnvironment main, PythonEnvironmentOptions options, int workers, Action<PythonInterpreterPool> forget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        if (!CPythonApi.FreeThreaded && !CPythonApi.HasOwnGilSubInterpreters)
        {
            throw new NotSupportedException(
                $"Interpreter pools need CPython 3.13 or newer; this process runs Python {main.VersionString}. " +
                (CPythonApi.Version >= new Version(3, 12)
                    ? "3.12 can make sub-interpreters with their own GIL, but they corrupt the process with common modules (a 3.12 sub-interpreter that imports asyncio or ssl makes the process abort at exit), so the runtime does not use them."
                    : "Sub-interpreters with their own GIL came with 3.12 and became reliable in 3.13."));
        }

        if (CPythonApi.Version == new Version(3, 13, 0))
        {
            // Seen here: pyenv's 3.13.0 aborted ("double free or corruption") ending a sub-interpreter after pool work
            // mixing records, dates and a translated exception, where Debian's 3.13.15, 3.14 and 3.15 ran the same
            // app cleanly; 3.13.1 to 3.13.14 were not tried.
            throw new NotSupportedException("Interpreter pools need CPython 3.13.1 or newer: 3.13.0 was seen to corrupt memory when ending a sub-interpreter. Update to the latest 3.13 release.");
        }

        _forget = forget;
        _threadTimeout = options.ShutdownTimeout;
        int number = Interlocked.Increment(ref s_lastPoolNumber);
        var made = new List<PoolWorker>();
        try
        {
            for (int i = 0; i < workers; i++)
            {
                made.Add(CPythonApi.FreeThreaded
                    ? PoolWorker.OnMainInterpreter(main)
                    : PoolWorker.OnSubInterpreter(SubInterpreter.Create(options, $"worker {i + 1} of pool {number}"), main, () => IsDisposed));
            }
        }
        catch
        {
            foreach (var worker in made)
            {
                worker.End(TimeSpan.Zero);
            }

            throw;
        }

        _workers = [.. made];
        foreach (var worker in _workers)
        {
            _free.Push(worker);
        }

        _freeCount = new SemaphoreSlim(workers, workers);
        _threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(RunQueuedWork) { IsBackground = true, Name = $"CSnakes interpreter pool {number} thread {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>How many interpreters the pool has: at most this many pieces of work run at once.</summary>
    public int Workers => _workers.Length;

    /// <summary>True once <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Runs <paramref name="work"/> on the calling thread, inside a free interpreter of the pool (waiting for one when
    /// all are busy), and returns what it returns. No thread switch: this suits many short pieces of work.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    /// <exception cref="InvalidOperationException">The calling thread holds the GIL or already runs pool work.</exception>
    /// <exception cref="PythonInvocationException">Python code run by the work raised.</exception>
    public T Run<T>(Func<IPythonEnvironment, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        ThrowIfDisposed();
        if (GIL.IsHeld || GIL.CurrentSubInterpreter is not null)
        {
            throw new InvalidOperationException("Pool work cannot start on a thread that holds the GIL or already runs pool work (for example inside a Python callback, or inside other pool work); use RunAsync there.");
        }

        var worker = TakeWorker();
        try
        {
            return worker.Execute(work);
        }
        finally
        {
            ReturnWorker(worker);
        }
    }

    /// <summary>
    /// Queues <paramref name="work"/> for one of the pool's own threads, which runs it inside a free interpreter of
    /// the pool. A token cancelled before the work starts cancels the task and the work never runs; once started,
    /// the work runs to its end (pass the token into it to stop sooner).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public Task<T> RunAsync<T>(Func<IPythonEnvironment, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        ThrowIfDisposed();
        var item = new PoolWorkItem<T>(work, cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Disposed between the check and the add.
            throw Disposed();
        }

        return item.Task;
    }

    /// <summary>
    /// Stops taking work, lets work already queued or running finish, then ends the pool's interpreters (waiting for
    /// Python threads that work started, up to <see cref="PythonEnvironmentOptions.ShutdownTimeout"/>). Disposing the
    /// environment disposes its pools.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside this pool's work, or while holding the GIL.</exception>
    /// <exception cref="TimeoutException">
    /// Python threads started by work were still running after the timeout: their interpreter was left as it is
    /// (never used again, ended with the process).
    /// </exception>
    public void Dispose()
    {
        if (GIL.IsHeld || GIL.CurrentSubInterpreter is not null)
        {
            throw new InvalidOperationException("An interpreter pool cannot be disposed from inside pool work or while holding the GIL: the pool waits for its work to finish.");
        }

        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Work already queued still runs; the threads end when the queue is empty.
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        // Wait for Run calls in progress on other threads: each gives its worker back.
        for (int i = 0; i < _workers.Length; i++)
        {
            _freeCount.Wait();
        }

        var leftRunning = new List<string>();
        foreach (var worker in _workers)
        {
            if (worker.End(_threadTimeout) is { } why)
            {
                leftRunning.Add(why);
            }
        }

        // Wake Run calls that were waiting for a worker: they see the pool disposed.
        _freeCount.Release(_workers.Length);
        _forget(this);
        if (leftRunning.Count > 0)
        {
            throw new TimeoutException(string.Join(" ", leftRunning) + " Make threads that work starts end before the work returns, or stop them before disposing the pool.");
        }
    }

    private void RunQueuedWork()
    {
        try
        {
            RunQueuedItems();
        }
        finally
        {
            GIL.EndThread();
        }
    }

    private void RunQueuedItems()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            if (!item.TryStart())
            {
                continue;
            }

            _freeCount.Wait();
            _free.TryPop(out var worker);
            try
            {
                item.Execute(worker!);
            }
            finally
            {
                ReturnWorker(worker!);
            }
        }
    }

    private PoolWorker TakeWorker()
    {
        _freeCount.Wait();
        if (IsDisposed)
        {
            _freeCount.Release();
            throw Disposed();
        }

        _free.TryPop(out var worker);
        return worker!;
    }

    private void ReturnWorker(PoolWorker worker)
    {
        _free.Push(worker);
        _freeCount.Release();
    }

    private void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw Disposed();
        }
    }

    private static ObjectDisposedException Disposed() =>
        new(nameof(PythonInterpreterPool), "This interpreter pool has been disposed; make a new one with IPythonEnvironment.CreateInterpreterPool.");
}
