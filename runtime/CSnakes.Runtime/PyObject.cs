using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// A Python object. Owns exactly one reference, released by <see cref="Dispose"/> (or, if you
/// forget, queued by the finalizer and released the next time any thread takes the GIL).
/// Every member takes the GIL itself, so it may be used from any thread.
/// </summary>
public sealed partial class PyObject : IDisposable
{
    private nint _handle;

    private PyObject(nint handle) => _handle = handle;

    /// <summary>The underlying <c>PyObject*</c>; throws once disposed.</summary>
    internal nint Handle
    {
        get
        {
            nint handle = _handle;
            return handle != 0 ? handle : throw new ObjectDisposedException(nameof(PyObject), "This Python object has been disposed.");
        }
    }

    /// <summary>Wraps a new (owned) reference. A null pointer means Python raised: the error is thrown.</summary>
    internal static PyObject Steal(nint handle) => handle != 0 ? new PyObject(handle) : throw PythonErrors.FetchAndTranslate();

    /// <summary>Wraps a borrowed reference by taking a new reference to it.</summary>
    internal static unsafe PyObject FromBorrowed(nint handle)
    {
        if (handle == 0)
        {
            throw PythonErrors.FetchAndTranslate();
        }

        CPythonApi.Py_IncRef(handle);
        return new PyObject(handle);
    }

    /// <summary>Gives the reference away (the caller now owns it) and empties this object.</summary>
    internal nint DetachHandle()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
        {
            throw new ObjectDisposedException(nameof(PyObject));
        }

        GC.SuppressFinalize(this);
        return handle;
    }

    /// <summary>A new reference to Python's <c>None</c>.</summary>
    public static unsafe PyObject None
    {
        get
        {
            using (GIL.Acquire())
            {
                return FromBorrowed(CPythonApi.PyNone);
            }
        }
    }

    /// <summary>True when this is Python's <c>None</c>.</summary>
    public bool IsNone() => Handle == CPythonApi.PyNone;

    /// <summary>Releases the reference. Safe to call more than once and after the environment is gone.</summary>
    public unsafe void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle == 0)
        {
            return;
        }

        GC.SuppressFinalize(this);
        if (GIL.IsHeld)
        {
            CPythonApi.Py_DecRef(handle);
        }
        else if (InterpreterLifetime.IsRunning)
        {
            try
            {
                using (GIL.Acquire())
                {
                    CPythonApi.Py_DecRef(handle);
                }
            }
            catch (ObjectDisposedException)
            {
                // The interpreter went away meanwhile; finalization freed the object.
            }
        }
    }

    /// <summary>Never touches Python: hands the reference to the next GIL holder.</summary>
    ~PyObject()
    {
        nint handle = _handle;
        if (handle != 0)
        {
            PendingReleases.EnqueueObject(handle);
        }
    }
}
