namespace CSnakes.Runtime;

/// <summary>
/// A running, embedded CPython interpreter. There is one per process; dispose it to finalize Python.
/// Every member may be called from any thread. Work of a <see cref="PythonInterpreterPool"/> is given the
/// environment of the sub-interpreter it runs on, usable only inside that work.
/// </summary>
public interface IPythonEnvironment : IDisposable
{
    /// <summary>The interpreter's version, e.g. 3.12.1.</summary>
    Version Version { get; }

    /// <summary>The interpreter's version as Python writes it (<c>platform.python_version()</c>): <c>3.12.1</c>, <c>3.15.0rc2</c>.</summary>
    string VersionString { get; }

    /// <summary>The interpreter's executable (<c>sys.executable</c>): the venv's <c>python</c> when one is in use.</summary>
    string ExecutablePath { get; }

    /// <summary><c>sys.prefix</c>: the venv when one is in use, else the installation (in a published app, its <c>python/</c> folder).</summary>
    string Prefix { get; }

    /// <summary>The venv in use (<c>sys.prefix</c> when it differs from <c>sys.base_prefix</c>), or null.</summary>
    string? VirtualEnvironment { get; }

    /// <summary>True once <see cref="IDisposable.Dispose"/> has been called.</summary>
    bool IsDisposed { get; }

    /// <summary>Imports a module by its dotted name (<c>importlib.import_module</c> semantics).</summary>
    /// <exception cref="PythonInvocationException">The import raised, e.g. <c>ModuleNotFoundError</c>.</exception>
    /// <exception cref="ObjectDisposedException">The environment was disposed.</exception>
    PyObject Import(string moduleName);

    /// <summary>
    /// Evaluates one Python expression (<c>builtins.eval</c>) and returns its value. The expression runs with a
    /// fresh globals dict holding <paramref name="globals"/> (and the builtins), and <paramref name="locals"/> as its
    /// locals when given; nothing persists between calls. Dispose the result.
    /// </summary>
    /// <example><c>using var sum = env.ExecuteExpression("a + b", new Dictionary&lt;string, PyObject&gt; { ["a"] = a, ["b"] = b });</c></example>
    /// <exception cref="PythonInvocationException">The expression raised, or is not valid Python (<c>SyntaxError</c>).</exception>
    /// <exception cref="ObjectDisposedException">The environment was disposed.</exception>
    PyObject ExecuteExpression(string expression, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null);

    /// <summary>
    /// Executes Python statements (<c>builtins.exec</c>) and returns the namespace they ran in, a dict: the locals
    /// when <paramref name="locals"/> is given, else the globals. What the statements assigned is read from it
    /// (<c>ns.GetItem(key)</c>). Each call starts from fresh namespaces holding the given names. Dispose the result.
    /// </summary>
    /// <exception cref="PythonInvocationException">The statements raised, or are not valid Python (<c>SyntaxError</c>).</exception>
    /// <exception cref="ObjectDisposedException">The environment was disposed.</exception>
    PyObject Execute(string code, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null);

    /// <summary>
    /// Returns the wrapper for <paramref name="moduleName"/>, importing the module and creating the
    /// wrapper with <paramref name="factory"/> on first use. Thread-safe: concurrent first calls import once.
    /// Generated module accessors (<c>env.Forecast()</c>) call this.
    /// </summary>
    TModule GetModule<TModule>(string moduleName, Func<PyObject, TModule> factory) where TModule : class;

    /// <summary>
    /// Makes a pool of <paramref name="workers"/> sub-interpreters, each with its own GIL, that run Python code in
    /// parallel (CPython 3.13+); see <see cref="PythonInterpreterPool"/>. Dispose it when done; disposing the
    /// environment disposes its pools.
    /// </summary>
    /// <param name="workers">How many interpreters, so how much work may run at once; usually the number of cores.</param>
    /// <exception cref="NotSupportedException">Python is older than 3.13, or this environment cannot make pools.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is less than 1.</exception>
    /// <exception cref="PythonInitializationException">Python could not make or set up a sub-interpreter.</exception>
    /// <exception cref="ObjectDisposedException">The environment was disposed.</exception>
    PythonInterpreterPool CreateInterpreterPool(int workers) =>
        throw new NotSupportedException($"{GetType().Name} cannot make interpreter pools; use the environment PythonEnvironment.Start returned.");
}
