using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Async;

/// <summary>
/// Runs Python coroutines (what an <c>async def</c> returns) as .NET tasks on the process's one
/// asyncio event loop, so many awaits progress together. Generated wrappers of <c>async def</c>
/// functions call this; the caller holds the GIL.
/// </summary>
/// <example>
/// <code>
/// using (GIL.Acquire())
/// {
///     using var coroutine = fetch.Call([url]);
///     return PythonCoroutine.Run(coroutine, StrConverter.Instance, "web.fetch", cancellationToken);
/// }
/// </code>
/// </example>
public static class PythonCoroutine
{
    /// <summary>
    /// Schedules <paramref name="coroutine"/> and returns a task for its value, converted with
    /// <paramref name="result"/>. A Python exception faults the task with a
    /// <see cref="PythonInvocationException"/> (with the Python traceback); cancelling
    /// <paramref name="cancellationToken"/> cancels the asyncio task and the .NET task becomes Canceled.
    /// </summary>
    /// <remarks>
    /// Cancellation is decided by the asyncio task: a token already cancelled when this is called
    /// runs nothing (a coroutine is closed unstarted) and the task is Canceled with that token; a
    /// cancel that arrives after the coroutine finished leaves the task with the coroutine's result
    /// (or exception); a coroutine that cancels itself (raises <c>CancelledError</c>) while the token
    /// was not cancelled gives a Canceled task whose <see cref="OperationCanceledException.CancellationToken"/>
    /// is not the caller's token.
    /// </remarks>
    /// <param name="coroutine">A coroutine or other awaitable; the caller keeps ownership.</param>
    /// <param name="result">Converts the value the coroutine returns.</param>
    /// <param name="context">The Python function, named in error messages (e.g. <c>"web.fetch"</c>).</param>
    /// <param name="cancellationToken">Cancels the Python task.</param>
    /// <exception cref="InvalidCastException"><paramref name="coroutine"/> is not awaitable.</exception>
    /// <exception cref="ObjectDisposedException">The environment is being disposed.</exception>
    public static Task<T> Run<T>(PyObject coroutine, PyConverter<T> result, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        ArgumentNullException.ThrowIfNull(result);
        var pending = new PendingCoroutine<T>(result, context);
        Submit(coroutine, pending, context, cancellationToken);
        return pending.Task;
    }

    /// <summary>
    /// Schedules <paramref name="coroutine"/> and returns a task that completes when it does; its
    /// value is ignored (an <c>async def</c> returning <c>None</c>). Errors and cancellation as in
    /// <see cref="Run{T}(PyObject, PyConverter{T}, string, CancellationToken)"/>, including its remarks.
    /// </summary>
    /// <param name="coroutine">A coroutine or other awaitable; the caller keeps ownership.</param>
    /// <param name="context">The Python function, named in error messages.</param>
    /// <param name="cancellationToken">Cancels the Python task.</param>
    /// <exception cref="InvalidCastException"><paramref name="coroutine"/> is not awaitable.</exception>
    /// <exception cref="ObjectDisposedException">The environment is being disposed.</exception>
    public static Task Run(PyObject coroutine, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        var pending = new PendingVoidCoroutine(context);
        Submit(coroutine, pending, context, cancellationToken);
        return pending.Task;
    }

    private static void Submit(PyObject coroutine, PendingCoroutine pending, string context, CancellationToken cancellationToken)
    {
        // Held across submit and attach, so the waiter cannot see the finished future before it is linked.
        using (GIL.Acquire())
        {
            if (!PythonEventLoop.Current.Submit(coroutine, pending, cancellationToken))
            {
                throw new InvalidCastException($"{context} returned a value that contradicts its annotation: expected an awaitable (coroutine) but got '{coroutine.GetPythonTypeName()}'.");
            }
        }
    }
}
