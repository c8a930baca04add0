namespace CSnakes.Runtime;

/// <summary>
/// What the runtime read off a Python exception, handed to the constructor of the .NET type that represents it
/// (<see cref="PythonInvocationException(PythonExceptionDetails)"/>), so a derived type needs one line:
/// <c>public OperationalError(PythonExceptionDetails details) : base(details) { }</c>.
/// </summary>
public sealed class PythonExceptionDetails
{
    /// <summary>Collects the parts of a translated Python exception (tests can make one to build an exception by hand).</summary>
    /// <param name="pythonTypeName">The exception's Python type, e.g. <c>ValueError</c> or <c>mypkg.errors.BadInput</c>.</param>
    /// <param name="pythonMessage"><c>str(exception)</c>.</param>
    /// <param name="pythonStackTrace">The traceback as <c>traceback.format_exception</c> prints it, or null.</param>
    /// <param name="pythonFrames">The traceback's frames, outermost first.</param>
    /// <param name="innerException">The translated <c>__cause__</c> (or unsuppressed <c>__context__</c>), or null.</param>
    /// <param name="pythonLocals">The raising frame's locals, or null (see <see cref="PythonEnvironmentOptions.CaptureExceptionLocals"/>).</param>
    /// <param name="pythonGlobals">The raising frame's globals, or null.</param>
    public PythonExceptionDetails(string pythonTypeName, string pythonMessage, string? pythonStackTrace, IReadOnlyList<PythonStackFrame> pythonFrames,
        Exception? innerException, IReadOnlyDictionary<string, PyObject>? pythonLocals = null, IReadOnlyDictionary<string, PyObject>? pythonGlobals = null)
    {
        PythonTypeName = pythonTypeName ?? throw new ArgumentNullException(nameof(pythonTypeName));
        PythonMessage = pythonMessage ?? throw new ArgumentNullException(nameof(pythonMessage));
        PythonStackTrace = pythonStackTrace;
        PythonFrames = pythonFrames ?? throw new ArgumentNullException(nameof(pythonFrames));
        InnerException = innerException;
        PythonLocals = pythonLocals;
        PythonGlobals = pythonGlobals;
    }

    /// <summary>See <see cref="PythonInvocationException.PythonTypeName"/>.</summary>
    public string PythonTypeName { get; }

    /// <summary>See <see cref="PythonInvocationException.PythonMessage"/>.</summary>
    public string PythonMessage { get; }

    /// <summary>See <see cref="PythonInvocationException.PythonStackTrace"/>.</summary>
    public string? PythonStackTrace { get; }

    /// <summary>See <see cref="PythonInvocationException.PythonFrames"/>.</summary>
    public IReadOnlyList<PythonStackFrame> PythonFrames { get; }

    /// <summary>Becomes the exception's <see cref="Exception.InnerException"/>.</summary>
    public Exception? InnerException { get; }

    /// <summary>See <see cref="PythonInvocationException.PythonLocals"/>.</summary>
    public IReadOnlyDictionary<string, PyObject>? PythonLocals { get; }

    /// <summary>See <see cref="PythonInvocationException.PythonGlobals"/>.</summary>
    public IReadOnlyDictionary<string, PyObject>? PythonGlobals { get; }
}
