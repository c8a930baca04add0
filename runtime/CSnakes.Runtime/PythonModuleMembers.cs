using System.ComponentModel;

namespace CSnakes.Runtime;

/// <summary>
/// How generated module wrappers find the module's functions. A stub may describe more than the running interpreter's
/// module has (a function compiled out, added in a later build, or only on another platform): such a function fails
/// when it is called, with an exception that says so, and every other function of the module keeps working.
/// Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PythonModuleMembers
{
    /// <summary>The module's attribute <paramref name="name"/>, or null when it has none. The caller holds the GIL.</summary>
    public static PyObject? Find(PyObject module, string name)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.HasAttr(name) ? module.GetAttr(name) : null;
    }

    /// <summary>The exception for a call to <paramref name="module"/>.<paramref name="name"/>, which the module does not have.</summary>
    public static MissingMemberException Missing(string module, string name) =>
        new($"The Python module '{module}' has no attribute '{name}' in this interpreter, although the signatures the wrapper was generated from declare it "
            + "(a stub may describe more than this Python's build or platform offers). The module's other members work.");
}
