using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Which plain Python classes get a C# wrapper: public ones with at least one annotated public method, <c>@property</c>,
/// static or class method, or annotated class-level name. One rule for the planner (which declares the wrappers) and
/// for the build message that lists classes without one.
/// </summary>
internal static class ClassWrapRule
{
    /// <summary>True when <paramref name="pythonClass"/> gets a C# wrapper class.</summary>
    public static bool IsWrapped(PythonClass pythonClass) =>
        !pythonClass.Name.StartsWith('_')
        && (pythonClass.Methods.Any(IsAnnotatedPublicMember) || pythonClass.Attributes is { Count: > 0 });

    /// <summary>A public def with an annotation on its return or on a parameter a caller passes (not <c>self</c> or <c>cls</c>).</summary>
    public static bool IsAnnotatedPublicMember(PythonFunction method)
    {
        if (method.Name.StartsWith('_'))
        {
            return false;
        }
        var bound = Binding(method) == MethodBinding.Static ? 0 : 1;
        return method.Returns is not null || method.Parameters.Skip(bound).Any(p => p.Annotation is not null);
    }

    /// <summary>What a <c>def</c> of a class body is bound to: <c>@staticmethod</c>, <c>@classmethod</c>, or the instance.</summary>
    public static MethodBinding Binding(PythonFunction method) =>
        method.Decorators.Any(d => d is "staticmethod" or "builtins.staticmethod") ? MethodBinding.Static
        : method.Decorators.Any(d => d is "classmethod" or "builtins.classmethod") ? MethodBinding.Class
        : MethodBinding.Instance;
}
