using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Callbacks;

/// <summary>A Python callable seen from .NET as a Action of 0 arguments; each call takes the GIL.</summary>
internal sealed class PythonCallableAction(PyObject callable)
{
    public void Invoke()
    {
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(0)]);
            try
            {
                call.Invoke(callable);
            }
            finally
            {
                call.Dispose();
            }
        }
    }
}

/// <summary>A Python callable seen from .NET as a Action of 1 argument; each call takes the GIL.</summary>
internal sealed class PythonCallableAction<T1>(PyObject callable, PyConverter<T1> arg1)
{
    public void Invoke(T1 a1)
    {
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(1)]);
            try
            {
                call.Add(arg1, a1);
                call.Invoke(callable);
            }
            finally
            {
                call.Dispose();
            }
        }
    }
}

/// <summary>A Python callable seen from .NET as a Action of 2 arguments; each call takes the GIL.</summary>
internal sealed class PythonCallableAction<T1, T2>(PyObject callable, PyConverter<T1> arg1, PyConverter<T2> arg2)
{
    public void Invoke(T1 a1, T2 a2)
    {
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(2)]);
            try
            {
                call.Add(arg1, a1);
                call.Add(arg2, a2);
                call.Invoke(callable);
            }
            finally
            {
                call.Dispose();
            }
        }
    }
}

/// <summary>A Python callable seen from .NET as a Action of 3 arguments; each call takes the GIL.</summary>
internal sealed class PythonCallableAction<T1, T2, T3>(PyObject callable, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3)
{
    public void Invoke(T1 a1, T2 a2, T3 a3)
    {
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(3)]);
            try
            {
                call.Add(arg1, a1);
                call.Add(arg2, a2);
                call.Add(arg3, a3);
                call.Invoke(callable);
            }
            finally
            {
                call.Dispose();
            }
        }
    }
}

/// <summary>A Python callable seen from .NET as a Action of 4 arguments; each call takes the GIL.</summary>
internal sealed class PythonCallableAction<T1, T2, T3, T4>(PyObject callable, PyConverter<T1> arg1, PyConverter<T2> arg2, PyConverter<T3> arg3, PyConverter<T4> arg4)
{
    public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        using (GIL.Acquire())
        {
            var call = new PyCall(stackalloc nint[PyCall.SlotsFor(4)]);
            try
            {
                call.Add(arg1, a1);
                call.Add(arg2, a2);
                call.Add(arg3, a3);
                call.Add(arg4, a4);
                call.Invoke(callable);
            }
            finally
            {
                call.Dispose();
            }
        }
    }
}
