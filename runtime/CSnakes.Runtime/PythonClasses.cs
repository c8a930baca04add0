using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// Reaches a class (or any other attribute) of a Python module from static code, where no <see cref="IPythonEnvironment"/>
/// is at hand: generated wrapper classes call their class's <c>@staticmethod</c>s and <c>@classmethod</c>s and read its
/// class constants through it, and module interfaces read the module's constants. There is one interpreter per process, so the module is found the way
/// <c>import</c> finds it.
/// </summary>
public static class PythonClasses
{
    /// <summary>
    /// A new reference to <c>module.className</c>, importing <paramref name="module"/> if it is not imported yet.
    /// The module is looked up on every call (a cheap <c>sys.modules</c> hit once imported), so a module reloaded
    /// in place gives its new class.
    /// </summary>
    /// <exception cref="PythonInvocationException">The import or the attribute lookup raised.</exception>
    /// <exception cref="InvalidOperationException">No Python environment has been started.</exception>
    public static PyObject Get(string module, string className)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(className);
        using (GIL.Acquire())
        {
            using var imported = PyObject.Steal(CPythonApi.ImportModule(module));
            return imported.GetAttr(className);
        }
    }
}
