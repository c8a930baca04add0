using System.Collections;
using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Iterators;

/// <summary>Drives a Python generator object; see <see cref="IGeneratorIterator{TYield, TSend, TReturn}"/>.</summary>
internal sealed class GeneratorIterator<TYield, TSend, TReturn> : IGeneratorIterator<TYield, TSend, TReturn>
{
    private readonly PyObject _generator;
    private readonly PyConverter<TYield> _yield;
    private readonly PyConverter<TSend> _send;
    private readonly PyConverter<TReturn> _return;
    private readonly string? _context;
    private TYield _current = default!;
    private TReturn _returnValue = default!;
    private bool _hasReturn;
    private bool _disposed;

    public GeneratorIterator(PyObject generator, PyConverter<TYield> yield, PyConverter<TSend> send, PyConverter<TReturn> @return, string? context)
    {
        _generator = generator;
        _yield = yield;
        _send = send;
        _return = @return;
        _context = context;
    }

    public TYield Current => _current;

    object? IEnumerator.Current => _current;

    public bool IsCompleted { get; private set; }

    public TReturn Return => _hasReturn ? _returnValue : throw new InvalidOperationException("The generator has not returned yet.");

    public bool MoveNext()
    {
        if (IsCompleted)
        {
            return false;
        }

        using PyObject none = PyObject.None;
        return Resume(none);
    }

    public TYield Send(TSend value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsCompleted)
        {
            throw new InvalidOperationException("The generator has already finished.");
        }

        using PyObject sent = _send.ToPython(value);
        return Resume(sent) ? _current : throw new InvalidOperationException("The generator finished instead of yielding a value; read Return for its return value.");
    }

    private bool Resume(PyObject value)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using (GIL.Acquire())
        {
            var (finished, result) = GeneratorSteps.Step(_generator, value);
            using (result)
            {
                if (!finished)
                {
                    _current = Convert(_yield, result);
                    return true;
                }

                IsCompleted = true;
                _returnValue = Convert(_return, result);
                _hasReturn = true;
                _current = default!;
                return false;
            }
        }
    }

    private T Convert<T>(PyConverter<T> converter, PyObject value) =>
        _context is null ? converter.FromPython(value) : converter.FromPython(value, _context);

    public void Reset() => throw new NotSupportedException("A Python generator cannot be restarted.");

    public IEnumerator<TYield> GetEnumerator() => this;

    IEnumerator IEnumerable.GetEnumerator() => this;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!IsCompleted)
        {
            IsCompleted = true;
            try
            {
                using (GIL.Acquire())
                {
                    // close() runs the generator's finally blocks now rather than at garbage collection.
                    using PyObject close = _generator.GetAttr("close");
                    using PyObject ignored = close.Call([]);
                }
            }
            catch (ObjectDisposedException)
            {
                // The environment is gone; there is nothing left to close.
            }
        }

        _generator.Dispose();
    }
}
