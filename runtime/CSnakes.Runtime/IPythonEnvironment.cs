namespace CSnakes.Runtime;

/// <summary>
/// A running, embedded CPython interpreter. There is one per process; dispose it to finalize Python.
/// Every member may be called from any thread.
/// </summary>
public interface IPythonEnvironment : IDisposable
{
    /// <summary>The interpreter's version, e.g. 3.12.1.</summary>
    Version Version { get; }

    /// <summary>True once <see cref="IDisposable.Dispose"/> has been called.</summary>
    bool IsDisposed { get; }

    /// <summary>Imports a module by its dotted name (<c>importlib.import_module</c> semantics).</summary>
    /// <exception cref="PythonInvocationException">The import raised, e.g. <c>ModuleNotFoundError</c>.</exception>
    /// <exception cref="ObjectDisposedException">The environment was disposed.</exception>
    PyObject Import(string moduleName);

    /// <summary>
    /// Returns the wrapper for <paramref name="moduleName"/>, importing the module and creating the
    /// wrapper with <paramref name="factory"/> on first use. Thread-safe: concurrent first calls import once.
    /// Generated module accessors (<c>env.Forecast()</c>) call this.
    /// </summary>
    TModule GetModule<TModule>(string moduleName, Func<PyObject, TModule> factory) where TModule : class;
}
