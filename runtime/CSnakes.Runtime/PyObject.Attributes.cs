using System.Text;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

public sealed partial class PyObject
{
    /// <summary>Gets an attribute (<c>getattr(obj, name)</c>).</summary>
    /// <exception cref="PythonInvocationException">Python raised, e.g. <c>AttributeError</c>.</exception>
    public unsafe PyObject GetAttr(string name)
    {
        using (GIL.Acquire())
        {
            using var utf8 = new Utf8Name(name);
            return Steal(CPythonApi.PyObject_GetAttrString(Handle, utf8.Pointer));
        }
    }

    /// <summary>True when the attribute exists (<c>hasattr(obj, name)</c>).</summary>
    public unsafe bool HasAttr(string name)
    {
        using (GIL.Acquire())
        {
            using var utf8 = new Utf8Name(name);
            return CPythonApi.PyObject_HasAttrString(Handle, utf8.Pointer) != 0;
        }
    }

    /// <summary>Sets an attribute (<c>setattr(obj, name, value)</c>).</summary>
    public unsafe void SetAttr(string name, PyObject value)
    {
        using (GIL.Acquire())
        {
            using var utf8 = new Utf8Name(name);
            if (CPythonApi.PyObject_SetAttrString(Handle, utf8.Pointer, value.Handle) != 0)
            {
                throw PythonErrors.FetchAndTranslate();
            }
        }
    }

    /// <summary>A NUL-terminated UTF-8 copy of a name for the C API.</summary>
    private readonly unsafe struct Utf8Name : IDisposable
    {
        public readonly nint Pointer;

        public Utf8Name(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            int length = Encoding.UTF8.GetByteCount(name);
            Pointer = (nint)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)length + 1);
            var span = new Span<byte>((void*)Pointer, length + 1);
            Encoding.UTF8.GetBytes(name, span);
            span[length] = 0;
        }

        public void Dispose() => System.Runtime.InteropServices.NativeMemory.Free((void*)Pointer);
    }
}
