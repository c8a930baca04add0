using System.Collections.Concurrent;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// One interpreter's references that were dropped where its GIL could not be taken: by a finalizer (which must never
/// take a GIL, it could deadlock the finalizer thread), or on a thread that is in another interpreter. The next
/// thread that takes this interpreter's GIL releases them (<see cref="GIL"/> drains the queue on acquire).
/// </summary>
internal sealed unsafe class ReleaseQueue
{
    private readonly ConcurrentQueue<nint> _objects = new();
    private readonly ConcurrentQueue<nint> _buffers = new();
    private int _count;
    private volatile bool _closed;

    public bool Any => Volatile.Read(ref _count) != 0;

    public void EnqueueObject(nint obj)
    {
        if (_closed)
        {
            return;
        }

        _objects.Enqueue(obj);
        Interlocked.Increment(ref _count);
    }

    /// <summary>A <c>Py_buffer*</c> allocated by <see cref="PyBuffer"/>: released, then its memory freed.</summary>
    public void EnqueueBuffer(nint view)
    {
        if (_closed)
        {
            return;
        }

        _buffers.Enqueue(view);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Releases what is queued. The caller holds this interpreter's GIL.</summary>
    public void Drain()
    {
        while (_objects.TryDequeue(out nint obj))
        {
            Interlocked.Decrement(ref _count);
            CPythonApi.Py_DecRef(obj);
            PendingReleases.CountObjectReleased();
        }

        while (_buffers.TryDequeue(out nint view))
        {
            Interlocked.Decrement(ref _count);
            PyBuffer.Release((PyBufferStruct*)view);
        }
    }

    /// <summary>The interpreter has been finalized or ended: what is dropped from now on went with it.</summary>
    public void Close() => _closed = true;
}
