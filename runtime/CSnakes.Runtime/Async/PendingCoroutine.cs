using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Async;

/// <summary>
/// One submitted coroutine and the .NET task waiting for it. The waiter thread reads the outcome
/// under the GIL (<see cref="ReadOutcome"/>) and publishes it after releasing the GIL (<see cref="Publish"/>).
/// </summary>
internal abstract class PendingCoroutine
{
    private PyObject? _future;
    private CancellationTokenRegistration _registration;
    private Exception? _error;
    private bool _canceled;
    private CancellationToken _cancellationToken;
    // Set when the caller's token asked Python to cancel; only then is the cancellation the caller's.
    private volatile bool _cancelRequested;

    protected PendingCoroutine(string context) => Context = context;

    /// <summary>The Python function, for error messages.</summary>
    protected string Context { get; }

    /// <summary>Links the submission (see <c>_Submission</c> in the loop script); cancelling the token cancels its asyncio task.</summary>
    public void Attach(PyObject future, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _future = future;

        // Registering after the future is linked: an already cancelled token runs Cancel right here.
        _registration = cancellationToken.Register(static state => ((PendingCoroutine)state!).Cancel(), this);
    }

    /// <summary>Reads the result, exception or cancellation of a finished submission. The GIL is held.</summary>
    public void ReadOutcome(PyObject future)
    {
        try
        {
            using var cancelled = future.GetAttr("cancelled");
            using var isCancelled = cancelled.Call();
            if (isCancelled.IsTruthy())
            {
                _canceled = true;
                return;
            }

            using var result = future.GetAttr("result");
            // Re-raises the coroutine's exception, so the normal translation keeps its traceback.
            using var value = result.Call();
            ReadValue(value);
        }
        catch (InvalidCastException e)
        {
            _error = new InvalidCastException($"{Context} returned a value that contradicts its annotation: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            _error = new OverflowException($"{Context} returned a value that does not fit: {e.Message}", e);
        }
        catch (Exception e)
        {
            _error = e;
        }
    }

    /// <summary>Completes the .NET task. The GIL is not held.</summary>
    public void Publish()
    {
        // Waits for a cancellation callback in progress; after it no callback can use the future.
        _registration.Dispose();
        _future?.Dispose();
        if (_canceled)
        {
            // A coroutine that cancelled itself (raised CancelledError) is Canceled too, but not by
            // the caller's token: claiming it would tell the caller they cancelled it.
            SetCanceled(_cancelRequested ? _cancellationToken : CancellationToken.None);
        }
        else if (_error is not null)
        {
            SetException(_error);
        }
        else
        {
            SetResult();
        }
    }

    /// <summary>Completes the .NET task as Canceled by <paramref name="cancellationToken"/> without running anything.</summary>
    public void PublishCanceled(CancellationToken cancellationToken) => SetCanceled(cancellationToken);

    /// <summary>Converts the coroutine's return value. The GIL is held.</summary>
    protected abstract void ReadValue(PyObject value);

    protected abstract void SetResult();

    protected abstract void SetException(Exception error);

    protected abstract void SetCanceled(CancellationToken cancellationToken);

    private void Cancel()
    {
        _cancelRequested = true;
        // No .NET lock here: Python releases the GIL inside cancel(), and the waiter thread may
        // then take it, so holding a lock across the call could deadlock.
        try
        {
            // The token may be cancelled on any thread; the future lives in the interpreter whose loop runs it.
            // The task's done callback still queues the submission, so the waiter publishes the outcome:
            // Canceled, or the result when the coroutine had already finished.
            var future = _future!;
            InterpreterAffinity.RunIn(future.Owner, () =>
            {
                using var cancel = future.GetAttr("cancel");
                cancel.Call().Dispose();
            });
        }
        catch (ObjectDisposedException)
        {
            // The environment is being disposed: its shutdown cancels every task still running.
        }
    }
}

/// <summary>A coroutine whose value is converted with a converter.</summary>
internal sealed class PendingCoroutine<T>(PyConverter<T> converter, string context) : PendingCoroutine(context)
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _value = default!;

    public Task<T> Task => _completion.Task;

    protected override void ReadValue(PyObject value) => _value = converter.FromPython(value);

    protected override void SetResult() => _completion.TrySetResult(_value);

    protected override void SetException(Exception error) => _completion.TrySetException(error);

    protected override void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}

/// <summary>A coroutine whose value is ignored (<c>-> None</c>).</summary>
internal sealed class PendingVoidCoroutine(string context) : PendingCoroutine(context)
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _completion.Task;

    protected override void ReadValue(PyObject value)
    {
    }

    protected override void SetResult() => _completion.TrySetResult();

    protected override void SetException(Exception error) => _completion.TrySetException(error);

    protected override void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
