using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Which plain Python classes get a C# wrapper: every public one, even with nothing typed to call (PyYAML's
/// <c>yaml.nodes.Node</c>), since annotations elsewhere name it and a typed handle says more than <c>PyObject</c>.
/// One rule for the planner (which declares the wrappers), the run's type index (which decides who declares each)
/// and the build message that lists classes without one.
/// </summary>
internal static class ClassWrapRule
{
    /// <summary>True when <paramref name="pythonClass"/> gets a C# wrapper class.</summary>
    public static bool IsWrapped(PythonClass pythonClass) => !pythonClass.Name.StartsWith('_');

    /// <summary>What a <c>def</c> of a class body is bound to: <c>@staticmethod</c>, <c>@classmethod</c>, or the instance.</summary>
    public static MethodBinding Binding(PythonFunction method) =>
        method.Decorators.Any(d => d is "staticmethod" or "builtins.staticmethod") ? MethodBinding.Static
        : method.Decorators.Any(d => d is "classmethod" or "builtins.classmethod") ? MethodBinding.Class
        : MethodBinding.Instance;
}
