using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// Makes the .NET exception for a Python exception object: the type registered for the first class of
/// <c>type(exc).__mro__</c> that has one (<see cref="PythonExceptionTypes"/>), else <see cref="PythonInvocationException"/>.
/// The caller holds the GIL.
/// </summary>
internal static unsafe class ExceptionTypeLookup
{
    // Set while this thread looks up a type: a failure inside the lookup that is translated (through PyObject or a
    // converter) gets the root type instead of looking up again, which could recurse for as long as, say, memory is short.
    [ThreadStatic]
    private static bool t_lookingUp;

    /// <summary>Never throws: whatever goes wrong here (a bad registration, a factory that throws) gives the next base's type or the root type.</summary>
    public static PythonInvocationException Create(nint exception, PythonExceptionDetails details)
    {
        if (t_lookingUp)
        {
            return PythonInvocationException.FromDetails(details);
        }

        t_lookingUp = true;
        try
        {
            return Lookup(exception, details);
        }
        finally
        {
            t_lookingUp = false;
        }
    }

    private static PythonInvocationException Lookup(nint exception, PythonExceptionDetails details)
    {
        try
        {
            var cache = ExceptionTypeCache.ForCurrentInterpreter();
            var known = cache.Update();

            // type(exc) is borrowed from exc, and reading __mro__ can run Python code (a metaclass) that reassigns
            // exc.__class__: hold the type while it is read.
            using var type = OwnedRef.NewRef(new BorrowedRef(CPythonApi.TypeOf(exception)));
            nint mro;
            fixed (byte* name = "__mro__\0"u8)
            {
                mro = CPythonApi.PyObject_GetAttrString(type.Handle, (nint)name);
            }

            if (mro == 0)
            {
                CPythonApi.PyErr_Clear();
                return PythonInvocationException.FromDetails(details);
            }

            try
            {
                if (!CPythonApi.IsTuple(mro))
                {
                    return PythonInvocationException.FromDetails(details);
                }

                nint count = ContainerItems.TupleSize(mro);
                for (nint i = 0; i < count; i++)
                {
                    // Borrowed from the tuple, which is held and never changes, so it stays valid while the lookup
                    // below runs Python code.
                    nint cls = ContainerItems.TupleItem(mro, i).Handle;
                    var create = cache.FactoryFor(cls, ref known);
                    if (create is not null && TryCreate(create, details) is { } made)
                    {
                        return made;
                    }
                }
            }
            finally
            {
                CPythonApi.Py_DecRef(mro);
            }
        }
        catch (Exception)
        {
            // Reporting the Python exception matters more than its .NET type.
            CPythonApi.PyErr_Clear();
        }

        return PythonInvocationException.FromDetails(details);
    }

    private static PythonInvocationException? TryCreate(Func<PythonExceptionDetails, PythonInvocationException> create, PythonExceptionDetails details)
    {
        try
        {
            return create(details);
        }
        catch (Exception)
        {
            // A factory is generated code calling a constructor; if it fails anyway, the next base's type will do.
            CPythonApi.PyErr_Clear();
            return null;
        }
    }
}
