using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Async;

/// <summary>
/// Steps a Python async iterator from .NET: each <see cref="MoveNextAsync"/> runs one
/// <c>__anext__()</c> on the shared asyncio loop and converts the item under the GIL on the loop's
/// waiter thread, so the GIL is never held while waiting. Disposing before the end runs the
/// generator's <c>aclose()</c>, so its <c>finally:</c> blocks run.
/// </summary>
internal sealed class PythonAsyncEnumerator<T> : IAsyncEnumerator<T>
{
    private readonly PyConverter<T> _converter;
    private readonly string _context;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource? _linked;
    private PyObject? _iteration;
    private bool _ended;
    private T _current = default!;

    // iteration: the Python-side stepper made by PythonEventLoop.StartIteration; this enumerator owns it.
    public PythonAsyncEnumerator(PyObject iteration, PyConverter<T> converter, string context, CancellationToken methodToken, CancellationToken enumeratorToken)
    {
        _iteration = iteration;
        _converter = converter;
        _context = context;
        if (methodToken.CanBeCanceled && enumeratorToken.CanBeCanceled)
        {
            _linked = CancellationTokenSource.CreateLinkedTokenSource(methodToken, enumeratorToken);
            _cancellationToken = _linked.Token;
        }
        else
        {
            _cancellationToken = methodToken.CanBeCanceled ? methodToken : enumeratorToken;
        }
    }

    public T Current => _current;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_ended)
        {
            return new ValueTask<bool>(false);
        }

        var iteration = _iteration ?? throw new ObjectDisposedException(GetType().Name, $"The enumeration of {_context} was disposed.");
        var pending = new PendingAsyncItem<T>(_converter, _context);
        using (GIL.Acquire())
        {
            using var next = iteration.GetAttr("next");
            using var coroutine = next.Call();
            PythonEventLoop.Current.Submit(coroutine, pending, _cancellationToken);
        }

        return new ValueTask<bool>(Complete(pending));
    }

    private async Task<bool> Complete(PendingAsyncItem<T> pending)
    {
        bool hasItem = await pending.Task.ConfigureAwait(false);
        if (hasItem)
        {
            _current = pending.Item;
        }
        else
        {
            // Ran to its end: nothing is left for aclose() to clean up.
            _ended = true;
            _current = default!;
        }

        return hasItem;
    }

    public async ValueTask DisposeAsync()
    {
        var iteration = Interlocked.Exchange(ref _iteration, null);
        if (iteration is null)
        {
            return;
        }

        try
        {
            if (!_ended)
            {
                await Close(iteration).ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The environment is going away; its loop shutdown closes async generators itself.
        }
        finally
        {
            _ended = true;
            iteration.Dispose();
            _linked?.Dispose();
        }
    }

    private Task Close(PyObject iteration)
    {
        // Not cancellable: the generator's finally blocks should run even when the enumeration was cancelled.
        var pending = new PendingVoidCoroutine(_context);
        using (GIL.Acquire())
        {
            using var close = iteration.GetAttr("close");
            using var coroutine = close.Call();
            PythonEventLoop.Current.Submit(coroutine, pending, CancellationToken.None);
        }

        return pending.Task;
    }
}
