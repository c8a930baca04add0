using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>Exceptions with the messages users see when a value has the wrong type. The caller holds the GIL.</summary>
internal static class ConversionErrors
{
    public static InvalidCastException Expected(string expectedPythonType, nint actual) =>
        new($"Expected a Python '{expectedPythonType}' but got '{PythonTypeNames.Of(actual)}'.");

    /// <summary>Raises the pending Python error, as InvalidCastException when it is a TypeError.</summary>
    public static unsafe Exception FromPendingError(string expectedPythonType, nint actual)
    {
        nint pending = CPythonApi.PyErr_Occurred();
        if (pending != 0 && CPythonApi.PyErr_GivenExceptionMatches(pending, CPythonApi.PyExcTypeError) != 0)
        {
            CPythonApi.PyErr_Clear();
            return Expected(expectedPythonType, actual);
        }

        if (pending != 0 && CPythonApi.PyErr_GivenExceptionMatches(pending, CPythonApi.PyExcOverflowError) != 0)
        {
            CPythonApi.PyErr_Clear();
            return new OverflowException($"The Python '{PythonTypeNames.Of(actual)}' value does not fit in the .NET type for '{expectedPythonType}'.");
        }

        return PythonErrors.FetchAndTranslate();
    }

    /// <summary>A failed <c>PyObject_GetBuffer</c>: a TypeError/BufferError means the object is not a usable buffer.</summary>
    public static Exception FromPendingErrorForBuffer(nint actual)
    {
        var error = PythonErrors.FetchAndTranslate();
        return error is PythonInvocationException { PythonTypeName: "TypeError" or "BufferError" } python
            ? new InvalidCastException($"Expected an object supporting the buffer protocol but got '{PythonTypeNames.Of(actual)}': {python.PythonMessage}", python)
            : error;
    }

    /// <summary>Throws the pending Python error when a C API call returned its failure value.</summary>
    public static Exception Pending() => PythonErrors.FetchAndTranslate();
}
