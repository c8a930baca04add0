using System.Runtime.InteropServices;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Callbacks;

/// <summary>
/// Makes Python functions that run a <see cref="PythonCallback"/>. Every such function is a builtin
/// function object made from one shared native <see cref="PyMethodDef"/> (allocated once, never
/// freed: Python keeps pointing at it for as long as the interpreter lives), whose <c>self</c> is a
/// capsule holding a <see cref="GCHandle"/> to the callback. The capsule's destructor frees the
/// handle, so the delegate becomes collectable as soon as Python drops the function.
/// </summary>
/// <remarks>
/// The GIL is <b>not</b> released while the delegate runs. The delegate runs like any function of a C
/// extension: it may call back into Python directly (the re-entrant <see cref="GIL.Acquire"/> sees
/// the GIL is already held), and other Python threads wait until it returns. Releasing the GIL
/// around every call would make each call pay a release/reacquire and would break re-entrant calls
/// from the delegate's thread, whose GIL depth says it still holds the lock.
/// No .NET exception ever crosses into native code: argument errors become Python <c>TypeError</c>,
/// anything else <c>csnakes.DotNetError</c> (see <see cref="PythonCallbackErrors"/>).
/// </remarks>
internal static unsafe class PythonCallbackFunction
{
    private static readonly PyMethodDef* s_definition = CreateDefinition();

    /// <summary>A new reference to a Python function that runs <paramref name="callback"/>. The caller holds the GIL.</summary>
    public static nint Create(PythonCallback callback)
    {
        var handle = GCHandle.Alloc(callback);
        nint capsule = CPythonApi.PyCapsule_New(GCHandle.ToIntPtr(handle), null, &DestroyCapsule);
        if (capsule == 0)
        {
            handle.Free();
            throw PythonErrors.FetchAndTranslate();
        }

        // The function takes its own reference to the capsule; if creating it fails, dropping ours
        // destroys the capsule, which frees the handle.
        nint function = CPythonApi.PyCFunction_NewEx(s_definition, capsule, 0);
        CPythonApi.Py_DecRef(capsule);
        return function != 0 ? function : throw PythonErrors.FetchAndTranslate();
    }

    private static PyMethodDef* CreateDefinition()
    {
        var definition = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)sizeof(PyMethodDef));
        definition->Name = NativeUtf8("dotnet_callback");
        definition->Method = (nint)(delegate* unmanaged<nint, nint*, nint, nint>)&Call;
        definition->Flags = PyMethodDef.MethFastCall;
        definition->Doc = NativeUtf8("A .NET delegate passed to Python by CSnakes.");
        return definition;
    }

    private static nint NativeUtf8(string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text + "\0");
        nint memory = (nint)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>((void*)memory, bytes.Length));
        return memory;
    }

    /// <summary>The <c>METH_FASTCALL</c> entry point. Python holds the GIL; keyword arguments are refused by Python itself.</summary>
    [UnmanagedCallersOnly]
    private static nint Call(nint self, nint* args, nint nargs)
    {
        try
        {
            nint pointer = CPythonApi.PyCapsule_GetPointer(self, null);
            if (pointer == 0)
            {
                return 0; // Python set the error (not our capsule).
            }

            var callback = (PythonCallback)GCHandle.FromIntPtr(pointer).Target!;
            // Registers this thread (possibly a Python-made thread) with GIL, so code the delegate
            // runs may use GIL.Acquire re-entrantly and interpreter shutdown waits for this call.
            using (GIL.Acquire())
            {
                return callback.Invoke(new ReadOnlySpan<nint>(args, checked((int)nargs)));
            }
        }
        catch (Exception e)
        {
            PythonCallbackErrors.Raise(e);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static void DestroyCapsule(nint capsule)
    {
        try
        {
            nint pointer = CPythonApi.PyCapsule_GetPointer(capsule, null);
            if (pointer != 0)
            {
                GCHandle.FromIntPtr(pointer).Free();
            }
            else
            {
                CPythonApi.PyErr_Clear();
            }
        }
        catch (Exception)
        {
            // Nothing can be reported from a destructor; never let an exception reach native code.
        }
    }
}
