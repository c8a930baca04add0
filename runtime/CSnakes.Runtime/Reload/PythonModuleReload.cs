using System.ComponentModel;

namespace CSnakes.Runtime;

/// <summary>Helpers the generated <see cref="IReloadableModule.RebindFunctions"/> calls. Not meant to be called by hand.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PythonModuleReload
{
    /// <summary>
    /// The module's current <paramref name="name"/>, or <paramref name="current"/> (and the name added to
    /// <paramref name="missing"/>) when the module has no such attribute any more. The caller holds the GIL.
    /// The old object is deliberately not disposed: a call in flight on another thread may be using it, and its
    /// finalizer releases it once nothing does.
    /// </summary>
    public static PyObject? Rebind(PyObject module, string name, PyObject? current, List<string> missing)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(missing);
        if (!module.HasAttr(name))
        {
            missing.Add(name);
            return current;
        }
        return module.GetAttr(name);
    }
}
