using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>Names of Python types for error messages. The caller holds the GIL.</summary>
internal static unsafe class PythonTypeNames
{
    private static readonly byte[] s_qualname = "__qualname__\0"u8.ToArray();
    private static readonly byte[] s_module = "__module__\0"u8.ToArray();

    /// <summary><c>type(obj)</c>'s name, module-qualified unless it is a builtin (<c>int</c>, <c>mypkg.Thing</c>).</summary>
    public static string Of(nint obj)
    {
        // Py_TYPE is borrowed from obj, and reading __qualname__ can run Python code (a metaclass) that
        // reassigns obj.__class__ and frees the old type: hold the type while reading its names.
        using var type = OwnedRef.NewRef(new BorrowedRef(CPythonApi.TypeOf(obj)));
        return OfType(type.Handle);
    }

    /// <summary>As <see cref="Of"/>, for a type the caller keeps alive.</summary>

    public static string OfType(nint type)
    {
        // The caller keeps the type alive; each attribute is a new reference released after reading.
        string name = ReadStringAttribute(type, s_qualname) ?? "?";
        string? module = ReadStringAttribute(type, s_module);
        return module is null or "builtins" ? name : $"{module}.{name}";
    }

    private static string? ReadStringAttribute(nint obj, byte[] name)
    {
        fixed (byte* p = name)
        {
            nint value = CPythonApi.PyObject_GetAttrString(obj, (nint)p);
            if (value == 0)
            {
                CPythonApi.PyErr_Clear();
                return null;
            }

            try
            {
                return CPythonApi.IsUnicode(value) ? StrConverter.FromBorrowedHandle(value) : null;
            }
            finally
            {
                CPythonApi.Py_DecRef(value);
            }
        }
    }
}
