namespace CSnakes.Runtime.Interpreter;

/// <summary>
/// Runs Python text through <c>builtins.eval</c>/<c>exec</c> with namespaces made here. A globals dict is always
/// passed: without one, eval and exec look for the calling Python frame, and called from C# there is none
/// (<c>SystemError: frame does not exist</c>). Python adds <c>__builtins__</c> to it.
/// </summary>
internal static class PythonSource
{
    /// <summary>Imports a module by its dotted name (<c>importlib.import_module</c>) in the interpreter the thread is in.</summary>
    public static PyObject Import(string moduleName)
    {
        using (GIL.Acquire())
        {
            using var importlib = PyObject.Steal(Native.CPythonApi.ImportModule("importlib"));
            using var importModule = importlib.GetAttr("import_module");
            using var name = PyObject.From(moduleName);
            return importModule.Call([name]);
        }
    }

    public static PyObject Evaluate(string expression, IReadOnlyDictionary<string, PyObject>? locals, IReadOnlyDictionary<string, PyObject>? globals) =>
        Run("eval", expression, locals, globals, returnNamespace: false);

    public static PyObject Execute(string code, IReadOnlyDictionary<string, PyObject>? locals, IReadOnlyDictionary<string, PyObject>? globals) =>
        Run("exec", code, locals, globals, returnNamespace: true);

    private static PyObject Run(string builtin, string code, IReadOnlyDictionary<string, PyObject>? locals, IReadOnlyDictionary<string, PyObject>? globals, bool returnNamespace)
    {
        using (GIL.Acquire())
        {
            using var builtins = PyObject.Steal(Native.CPythonApi.ImportModule("builtins"));
            using var run = builtins.GetAttr(builtin);
            using var source = PyObject.From(code);
            using var globalNamespace = NewNamespace(globals, nameof(globals));
            using var localNamespace = locals is null ? null : NewNamespace(locals, nameof(locals));
            using var result = run.Call([source, globalNamespace, localNamespace ?? globalNamespace]);
            // exec's value is None; what the statements made is in the namespace they ran in.
            PyObject answer = returnNamespace ? localNamespace ?? globalNamespace : result;
            return PyObject.FromBorrowed(answer.Handle);
        }
    }

    private static unsafe PyObject NewNamespace(IReadOnlyDictionary<string, PyObject>? names, string parameter)
    {
        var dict = PyObject.Steal(Native.CPythonApi.PyDict_New());
        try
        {
            foreach (var (name, value) in names ?? new Dictionary<string, PyObject>())
            {
                if (value is null)
                {
                    throw new ArgumentException($"The value of '{name}' is null; pass PyObject.None for Python's None.", parameter);
                }
                using var key = PyObject.From(name);
                dict.SetItem(key, value);
            }
            return dict;
        }
        catch
        {
            dict.Dispose();
            throw;
        }
    }
}
