using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Async;

/// <summary>
/// A Python async iterator as an <see cref="IAsyncEnumerable{T}"/>. Like the Python object it
/// wraps, it can be enumerated once; a second <see cref="GetAsyncEnumerator"/> throws.
/// </summary>
internal sealed class PythonAsyncEnumerable<T>(PyObject iteration, PyConverter<T> converter, string context, CancellationToken methodToken) : IAsyncEnumerable<T>
{
    private PyObject? _iteration = iteration;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var taken = Interlocked.Exchange(ref _iteration, null)
            ?? throw new InvalidOperationException($"The async iterator returned by {context} can be enumerated only once; call the function again for a new one.");
        return new PythonAsyncEnumerator<T>(taken, converter, context, methodToken, cancellationToken);
    }
}
