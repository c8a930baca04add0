using System.ComponentModel;

namespace CSnakes.Runtime;

/// <summary>
/// Implemented by generated module wrappers so a module reloaded in Development (see docs/runtime.md, "Reloading
/// Python") is called with its new functions. Not meant to be implemented or called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IReloadableModule
{
    /// <summary>
    /// Reads every wrapped function again from <paramref name="module"/>, the reloaded module object. A function the
    /// module no longer has keeps its old object; its name is returned. Calls in flight finish with the function they
    /// started with.
    /// </summary>
    IReadOnlyList<string> RebindFunctions(PyObject module);
}
