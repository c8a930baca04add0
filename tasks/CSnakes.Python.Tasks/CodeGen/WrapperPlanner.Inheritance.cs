using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// A class's members inherited from its base classes (of this module or any other of the run) → members of its wrapper.
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// <paramref name="pythonClass"/> with the <c>def</c>s and annotated attributes of its base classes that it does not
    /// define itself (nearest base first, as Python looks them up), so that its wrapper has every member a Python user
    /// can call on it, and its constructor is the inherited <c>__init__</c>/<c>__new__</c> when it declares none. The
    /// wrapper includes them rather than deriving from the base's wrapper: C# classes have one base and Python classes
    /// many, and a member returning the class (<c>Self</c>) reads as the class whose stub wrote it.
    /// </summary>
    private PythonClass WithInheritedMembers(PythonClass pythonClass, RunTypeIndex index)
    {
        var bases = index.BaseClassesOf(pythonClass.ReexportedFrom ?? _moduleName, pythonClass.ReexportedName ?? pythonClass.Name);
        if (bases.Count == 0)
        {
            return pythonClass;
        }
        var methods = pythonClass.Methods.ToList();
        var attributes = (pythonClass.Attributes ?? []).ToList();
        var defined = new HashSet<string>(methods.Select(m => m.Name).Concat(attributes.Select(a => a.Name)), StringComparer.Ordinal);
        // A constructor is inherited as a pair: __new__ and __init__ come from the nearest class that declares either.
        var hasConstructor = methods.Any(m => m.Name is "__init__" or "__new__");
        foreach (var (module, baseClass) in bases)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var baseHasConstructor = baseClass.Methods.Any(m => m.Name is "__init__" or "__new__");
            foreach (var method in baseClass.Methods)
            {
                var constructorPart = method.Name is "__init__" or "__new__";
                if ((constructorPart && hasConstructor) || (!constructorPart && defined.Contains(method.Name)))
                {
                    continue;
                }
                methods.Add(Qualified(method, module, index));
                names.Add(method.Name);
            }
            foreach (var attribute in baseClass.Attributes ?? [])
            {
                if (!defined.Contains(attribute.Name))
                {
                    attributes.Add(attribute with { Annotation = attribute.Annotation is { } a ? Qualified(a, module, index) : null });
                    names.Add(attribute.Name);
                }
            }
            defined.UnionWith(names);
            hasConstructor |= baseHasConstructor;
        }
        return pythonClass with { Methods = methods, Attributes = attributes };
    }

    // An inherited def's annotations name the classes of its own module bare; dotted, they mean the same from this module.
    private PythonFunction Qualified(PythonFunction method, string module, RunTypeIndex index) => module == _moduleName ? method : method with
    {
        Returns = method.Returns is { } returns ? Qualified(returns, module, index) : null,
        Parameters = method.Parameters.Select(p => p.Annotation is { } a ? p with { Annotation = Qualified(a, module, index) } : p).ToList(),
    };

    private PythonAnnotation Qualified(PythonAnnotation annotation, string module, RunTypeIndex index) =>
        module == _moduleName ? annotation : annotation with { Type = Qualified(annotation.Type, module, index) };

    private static AnnotationNode Qualified(AnnotationNode node, string module, RunTypeIndex index)
    {
        var name = node.Kind == AnnotationKind.Name && node.Name is { } bare && !bare.Contains('.') && index.OriginOf(module, bare) is not null
            ? module + "." + bare
            : node.Name;
        return node with { Name = name, Args = node.Args?.Select(a => Qualified(a, module, index)).ToList() };
    }
}
