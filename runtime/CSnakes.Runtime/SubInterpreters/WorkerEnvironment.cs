using CSnakes.Runtime.Interpreter;

namespace CSnakes.Runtime.SubInterpreters;

/// <summary>
/// The <see cref="IPythonEnvironment"/> that pool work is given: one sub-interpreter's, so imports, evaluation and the
/// generated module accessors (<c>env.Primes()</c>) act in that interpreter, each module imported there on first use.
/// Usable only by a thread running work on that interpreter. The facts about the installation are the main
/// environment's (every interpreter of a process runs the same Python). The pool owns it: disposing it does nothing.
/// </summary>
internal sealed class WorkerEnvironment(IPythonEnvironment main, PythonInterpreter interpreter, Func<bool> poolDisposed) : IPythonEnvironment
{
    private readonly ModuleWrapperCache _modules = new();

    public Version Version => main.Version;

    public string VersionString => main.VersionString;

    public string ExecutablePath => main.ExecutablePath;

    public string Prefix => main.Prefix;

    public string? VirtualEnvironment => main.VirtualEnvironment;

    public bool IsDisposed => poolDisposed() && interpreter.HasEnded;

    public PyObject Import(string moduleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(moduleName);
        ThrowUnlessInside();
        return PythonSource.Import(moduleName);
    }

    public PyObject ExecuteExpression(string expression, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ThrowUnlessInside();
        return PythonSource.Evaluate(expression, locals, globals);
    }

    public PyObject Execute(string code, IReadOnlyDictionary<string, PyObject>? locals = null, IReadOnlyDictionary<string, PyObject>? globals = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowUnlessInside();
        return PythonSource.Execute(code, locals, globals);
    }

    public TModule GetModule<TModule>(string moduleName, Func<PyObject, TModule> factory) where TModule : class
    {
        ThrowUnlessInside();
        return _modules.GetOrCreate(moduleName, factory, Import);
    }

    public PythonInterpreterPool CreateInterpreterPool(int workers) =>
        throw new NotSupportedException("Pools are made from the main environment (the IPythonEnvironment PythonEnvironment.Start returned), not from inside pool work.");

    /// <summary>Disposes the module wrappers. The thread is in this interpreter, holding its GIL, which is about to end.</summary>
    public void DisposeModules() => _modules.DisposeAll();

    /// <summary>The pool owns this environment; there is nothing for work to dispose.</summary>
    public void Dispose()
    {
    }

    private void ThrowUnlessInside() => InterpreterAffinity.Check(interpreter, "environment of pool work");
}
