namespace CSnakes.Runtime;

/// <summary>
/// A Python exception raised by code called from .NET. Carries the Python type name, message,
/// the traceback as Python would print it, and its frames. A Python <c>__cause__</c> (or, when
/// not suppressed, <c>__context__</c>) becomes <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>
/// The root of every translated Python exception. Python's built-in exceptions arrive as the types in
/// <see cref="BuiltinsModule"/> (<c>ValueError</c> as <see cref="BuiltinsModule.ValueError"/>, which derives from
/// this type), and a module's exception classes as the types generated code registers with
/// <see cref="PythonExceptionTypes.Register"/>; anything else (and <c>Exception</c>/<c>BaseException</c> themselves)
/// is this type. Each .NET type derives from the type of its Python base, so catching a base catches its subclasses.
/// </remarks>
public class PythonInvocationException : Exception
{
    /// <summary>Creates the exception from what was read off the Python exception.</summary>
    public PythonInvocationException(string pythonTypeName, string pythonMessage, string? pythonTraceback, IReadOnlyList<PythonStackFrame> pythonFrames, Exception? innerException)
        : this(pythonTypeName, pythonMessage, pythonTraceback, pythonFrames, innerException, null, null)
    {
    }

    /// <summary>Creates the exception with the raising frame's variables (see <see cref="PythonEnvironmentOptions.CaptureExceptionLocals"/>).</summary>
    public PythonInvocationException(string pythonTypeName, string pythonMessage, string? pythonTraceback, IReadOnlyList<PythonStackFrame> pythonFrames, Exception? innerException,
        IReadOnlyDictionary<string, PyObject>? pythonLocals, IReadOnlyDictionary<string, PyObject>? pythonGlobals)
        : base(FormatMessage(pythonTypeName, pythonMessage), innerException)
    {
        PythonTypeName = pythonTypeName;
        PythonMessage = pythonMessage;
        PythonStackTrace = pythonTraceback;
        PythonFrames = pythonFrames;
        PythonLocals = pythonLocals;
        PythonGlobals = pythonGlobals;
    }

    /// <summary>For derived types: <c>public OperationalError(PythonExceptionDetails details) : base(details) { }</c>.</summary>
    protected PythonInvocationException(PythonExceptionDetails details)
        : this(NotNull(details).PythonTypeName, details.PythonMessage, details.PythonStackTrace, details.PythonFrames, details.InnerException,
            details.PythonLocals, details.PythonGlobals)
    {
    }

    /// <summary>The factory of the root type, for classes no more derived .NET type stands for (the constructor is protected).</summary>
    internal static PythonInvocationException FromDetails(PythonExceptionDetails details) => new(details);

    /// <summary>The exception's Python type, e.g. <c>ValueError</c> or <c>mypkg.errors.BadInput</c>.</summary>
    public string PythonTypeName { get; }

    /// <summary><c>str(exception)</c>.</summary>
    public string PythonMessage { get; }

    /// <summary>The traceback as <c>traceback.format_exception</c> prints it (without the chained exceptions).</summary>
    public string? PythonStackTrace { get; }

    /// <summary>The traceback's frames, outermost first.</summary>
    public IReadOnlyList<PythonStackFrame> PythonFrames { get; }

    /// <summary>
    /// The local variables of the frame that raised (the traceback's innermost), by name; null unless
    /// <see cref="PythonEnvironmentOptions.CaptureExceptionLocals"/> is on or when there was no Python frame. Each value
    /// is a reference of its own: using one takes the GIL as any <see cref="PyObject"/> does.
    /// </summary>
    public IReadOnlyDictionary<string, PyObject>? PythonLocals { get; }

    /// <summary>The global variables of the frame that raised (its module's namespace); null as for <see cref="PythonLocals"/>.</summary>
    public IReadOnlyDictionary<string, PyObject>? PythonGlobals { get; }

    /// <summary>Includes the Python traceback, so logs show where Python failed.</summary>
    public override string ToString() =>
        PythonStackTrace is null ? base.ToString() : $"{base.ToString()}{Environment.NewLine}--- Python traceback ---{Environment.NewLine}{PythonStackTrace}";

    private static PythonExceptionDetails NotNull(PythonExceptionDetails details) =>
        details ?? throw new ArgumentNullException(nameof(details));

    private static string FormatMessage(string typeName, string message) =>
        string.IsNullOrEmpty(message) ? $"Python raised {typeName}" : $"Python raised {typeName}: {message}";
}
