using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Callbacks;

/// <summary>Shared plumbing for Python callables wrapped as .NET delegates. The caller holds the GIL.</summary>
internal static unsafe class PythonCallables
{
    /// <summary>Names the callee in conversion errors of its results.</summary>
    public const string Context = "a Python callable";

    /// <summary>A new reference to <paramref name="obj"/>, which must be callable.</summary>
    public static PyObject Borrow(nint obj) =>
        CPythonApi.PyCallable_Check(obj) != 0 ? PyObject.FromBorrowed(obj) : throw ConversionErrors.Expected("callable", obj);
}
