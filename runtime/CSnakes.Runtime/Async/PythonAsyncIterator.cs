using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Async;

/// <summary>
/// Enumerates Python async iterators (what an <c>async def</c> generator returns) as
/// <see cref="IAsyncEnumerable{T}"/> on the process's one asyncio event loop, so many enumerations
/// progress together. Generated wrappers of functions returning <c>AsyncIterator[T]</c>,
/// <c>AsyncGenerator[T, S]</c> or <c>AsyncIterable[T]</c> call this.
/// </summary>
/// <example>
/// <code>
/// using (GIL.Acquire())
/// {
///     using var generator = ticks.Call([count]);
///     return PythonAsyncIterator.Enumerate(generator, IntConverter.Instance, "clock.ticks", cancellationToken);
/// }
/// </code>
/// </example>
public static class PythonAsyncIterator
{
    /// <summary>
    /// Wraps <paramref name="source"/> as a sequence that can be enumerated once. Each step schedules
    /// <c>__anext__()</c> on the loop and converts the item with <paramref name="item"/>;
    /// <c>StopAsyncIteration</c> ends the sequence. A Python exception surfaces as a
    /// <see cref="PythonInvocationException"/> (with the Python traceback). Cancelling
    /// <paramref name="cancellationToken"/> (or the token given to <c>WithCancellation</c>) cancels the
    /// pending step, so the generator sees <c>CancelledError</c>, and the step throws
    /// <see cref="OperationCanceledException"/>. Disposing the enumerator before the end awaits the
    /// generator's <c>aclose()</c>, so its <c>finally:</c> blocks run.
    /// </summary>
    /// <param name="source">An async iterable, or an awaitable that gives one; the caller keeps ownership.</param>
    /// <param name="item">Converts each item.</param>
    /// <param name="context">The Python function, named in error messages (e.g. <c>"clock.ticks"</c>).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="InvalidCastException"><paramref name="source"/> is neither async iterable nor awaitable.</exception>
    /// <exception cref="ObjectDisposedException">The environment is being disposed.</exception>
    public static IAsyncEnumerable<T> Enumerate<T>(PyObject source, PyConverter<T> item, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(item);
        using (GIL.Acquire())
        {
            var iteration = PythonEventLoop.Current.StartIteration(source)
                ?? throw new InvalidCastException($"{context} returned a value that contradicts its annotation: expected an async iterator but got '{source.GetPythonTypeName()}'.");
            return new PythonAsyncEnumerable<T>(iteration, item, context, cancellationToken);
        }
    }
}
