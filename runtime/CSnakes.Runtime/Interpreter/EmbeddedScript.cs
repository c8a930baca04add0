using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Interpreter;

/// <summary>Runs Python source that ships inside the runtime as a fresh module (not in <c>sys.modules</c>).</summary>
internal static class EmbeddedScript
{
    /// <summary>Executes <paramref name="source"/> as module <paramref name="moduleName"/> and returns the module. The GIL is held.</summary>
    public static PyObject Load(string moduleName, string source)
    {
        using var builtins = PyObject.Steal(CPythonApi.ImportModule("builtins"));
        using var types = PyObject.Steal(CPythonApi.ImportModule("types"));
        using var moduleType = types.GetAttr("ModuleType");
        using var name = PyObject.From(moduleName);
        var module = moduleType.Call([name]);
        try
        {
            using var namespaceDict = module.GetAttr("__dict__");
            using var compile = builtins.GetAttr("compile");
            using var text = PyObject.From(source);
            using var fileName = PyObject.From($"<{moduleName}>");
            using var mode = PyObject.From("exec");
            using var code = compile.Call([text, fileName, mode]);
            using var exec = builtins.GetAttr("exec");
            exec.Call([code, namespaceDict]).Dispose();
            return module;
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    /// <summary>Calls <c>module.function(*args)</c>. The GIL is held.</summary>
    public static PyObject Call(PyObject module, string function, params PyObject[] args)
    {
        using var callable = module.GetAttr(function);
        return callable.Call(args);
    }
}
