using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// A Python object. Owns exactly one reference, released by <see cref="Dispose"/> (or, if you
/// forget, queued by the finalizer and released the next time any thread takes the GIL).
/// Every member takes the GIL itself, so it may be used from any thread.
/// </summary>
/// <remarks>
/// An object belongs to the interpreter it was made in. One made inside the work of a
/// <see cref="PythonInterpreterPool"/> is usable only inside work on that same sub-interpreter: anywhere else its
/// members throw <see cref="InvalidOperationException"/> naming its interpreter (disposing it is always allowed).
/// </remarks>
public sealed partial class PyObject : IDisposable
{
    private nint _handle;

    // The sub-interpreter this object belongs to; null for the main interpreter.
    private readonly PythonInterpreter? _owner;

    private PyObject(nint handle)
    {
        _handle = handle;
        if (PythonInterpreter.SubInterpretersExist)
        {
            _owner = GIL.CurrentSubInterpreter;
        }
    }

    /// <summary>The sub-interpreter this object belongs to; null for the main interpreter.</summary>
    internal PythonInterpreter? Owner => _owner;

    /// <summary>The underlying <c>PyObject*</c>; throws once disposed, or on a thread in another interpreter.</summary>
    internal nint Handle
    {
        get
        {
            nint handle = _handle;
            if (handle == 0)
            {
                throw new ObjectDisposedException(nameof(PyObject), "This Python object has been disposed.");
            }

            if (_owner is not null || PythonInterpreter.SubInterpretersExist)
            {
                InterpreterAffinity.Check(_owner, "Python object");
            }

            return handle;
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
        if (InterpreterAffinity.IsForeign(_owner))
        {
            // Its interpreter's GIL cannot be taken here: the next thread that takes it releases the reference.
            InterpreterAffinity.OwnerOf(_owner).Releases.EnqueueObject(handle);
        }
        else if (GIL.IsHeld)
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
            InterpreterAffinity.OwnerOf(_owner).Releases.EnqueueObject(handle);
        }
    }
}
