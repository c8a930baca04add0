namespace CSnakes.Runtime.SubInterpreters;

/// <summary>Work queued by <see cref="PythonInterpreterPool.RunAsync{T}"/>, waiting for one of the pool's threads.</summary>
internal abstract class PoolWorkItem
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private int _state;

    /// <summary>Claims the item for running; false when it was cancelled first (it must not run).</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Cancels the item if it has not started; true when it will never run.</summary>
    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;

    /// <summary>Runs the work on <paramref name="worker"/> and completes the task with what it did.</summary>
    public abstract void Execute(PoolWorker worker);

    /// <summary>The pool was disposed before the item could run.</summary>
    public abstract void Abandon(Exception reason);
}

/// <inheritdoc/>
internal sealed class PoolWorkItem<T> : PoolWorkItem
{
    private readonly Func<IPythonEnvironment, T> _work;
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;

    public PoolWorkItem(Func<IPythonEnvironment, T> work, CancellationToken cancellationToken)
    {
        _work = work;
        _cancellationToken = cancellationToken;
        // Cancelling only matters while the item waits: work that has started runs to its end, as a Python call does.
        _registration = cancellationToken.Register(static item => ((PoolWorkItem<T>)item!).CancelIfQueued(), this);
    }

    public Task<T> Task => _completion.Task;

    public override void Execute(PoolWorker worker)
    {
        _registration.Dispose();
        try
        {
            _completion.SetResult(worker.Execute(_work));
        }
        catch (Exception e)
        {
            _completion.SetException(e);
        }
    }

    public override void Abandon(Exception reason)
    {
        if (TryStart())
        {
            _registration.Dispose();
            _completion.SetException(reason);
        }
    }

    private void CancelIfQueued()
    {
        if (TryCancel())
        {
            _completion.TrySetCanceled(_cancellationToken);
        }
    }
}
