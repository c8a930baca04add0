namespace CSnakes.Runtime.Logging;

/// <summary>
/// The environment the container hands out after <c>WithPythonLogging()</c>: the real one, plus a
/// logging bridge that is disposed first, so every record reaches the loggers before Python ends.
/// </summary>
internal sealed class LoggingPythonEnvironment(IPythonEnvironment inner, PythonLoggingBridge bridge, bool ownsInner) : IPythonEnvironment
{
    public IPythonEnvironment Inner => inner;

    public PythonLoggingBridge Bridge => bridge;

    public Version Version => inner.Version;

    public string VersionString => inner.VersionString;

    public string ExecutablePath => inner.ExecutablePath;

    public string Prefix => inner.Prefix;

    public string? VirtualEnvironment => inner.VirtualEnvironment;

    public bool IsDisposed => inner.IsDisposed;

    public PyObject ExecuteExpression(string expression, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null) =>
        inner.ExecuteExpression(expression, locals, globals);

    public PyObject Execute(string code, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null) =>
        inner.Execute(code, locals, globals);

    public PyObject Import(string moduleName) => inner.Import(moduleName);

    public TModule GetModule<TModule>(string moduleName, Func<PyObject, TModule> factory) where TModule : class => inner.GetModule(moduleName, factory);

    public PythonInterpreterPool CreateInterpreterPool(int workers) => inner.CreateInterpreterPool(workers);

    public void Dispose()
    {
        bridge.Dispose();
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
