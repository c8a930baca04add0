using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Plain Python classes of the module → generated C# wrapper classes (the class row of docs/type-mapping.md).
internal sealed partial class WrapperPlanner
{
    // Members every wrapper class has (or inherits from object); a Python member of that C# name gets a trailing '_'.
    private static readonly ISet<string> ReservedMemberNames =
        new HashSet<string>(CSharpNames.ObjectMembers, StringComparer.Ordinal) { "PythonObject", ClassType.ConverterField, "Dispose" };

    // Python names of the classes whose constructor is a module method, named New<Class>.
    private readonly HashSet<string> _constructors = new(StringComparer.Ordinal);

    /// <summary>
    /// The classes that get a wrapper (<see cref="ClassWrapRule"/>); their C# names are reserved now so that any
    /// annotation may use them.
    /// </summary>
    private List<(PythonClass Source, ClassType Type)> ReserveClasses(IReadOnlyList<PythonClass> classes)
    {
        var result = new List<(PythonClass, ClassType)>();
        // A later class of the same name replaces an earlier one, as it does when Python runs the module.
        foreach (var pythonClass in classes.GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (ClassWrapRule.IsWrapped(pythonClass))
            {
                result.Add((pythonClass, _types.DeclareWrappedClass(pythonClass.Name)));
            }
        }
        return result;
    }

    private static MethodBinding Binding(PythonFunction method) => ClassWrapRule.Binding(method);

    /// <summary>
    /// The module-level function that makes an instance: <c>__init__</c> without <c>self</c>, returning the
    /// class; without an <c>__init__</c>, <c>__new__</c> without <c>cls</c> (typeshed's <c>pathlib.PurePath</c>
    /// declares only that). A class with neither gets one without parameters, unless it has bases
    /// (whose constructor the reader cannot see): then it gets none.
    /// </summary>
    private PythonFunction? Constructor(PythonClass pythonClass)
    {
        // Both drop their first parameter: self for __init__, cls for __new__ (a static method Python passes the class to).
        var init = pythonClass.Methods.LastOrDefault(m => m.Name == "__init__")
            ?? pythonClass.Methods.LastOrDefault(m => m.Name == "__new__" && m.Parameters.Count > 0);
        if (init is null && pythonClass.HasBases)
        {
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, pythonClass.Line,
                $"{_moduleName}: the class '{pythonClass.Name}' has base classes and no __init__ or __new__ of its own, so it gets no C# constructor method; add an annotated __init__ to get one."));
            return null;
        }
        _constructors.Add(pythonClass.Name);
        var returns = new PythonAnnotation(pythonClass.Name, pythonClass.Line, pythonClass.Column, new AnnotationNode(AnnotationKind.Name, pythonClass.Name, null, null));
        var parameters = init is null ? [] : init.Parameters.Skip(1).ToList();
        return new PythonFunction(pythonClass.Name, init?.Line ?? pythonClass.Line, init?.Column ?? pythonClass.Column, init?.EndLine ?? pythonClass.Line,
            false, [], init?.Docstring ?? pythonClass.Docstring, returns, parameters, false);
    }

    // Module functions keep their PascalCase name; a class's constructor is New<Class>.
    private string MethodName(PythonFunction function) =>
        _scope == _moduleName && _constructors.Contains(function.Name)
            ? "New" + CSharpNames.ToPascalCase(function.Name)
            : CSharpNames.ToPascalCase(function.Name);

    private ClassWrapper PlanClass(PythonClass pythonClass, ClassType type)
    {
        // A member C# already has (object's, the wrapper's own, the class's name) takes the one escape: a trailing '_'.
        var reserved = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { type.Name };
        var (methods, properties) = PlanMembers(pythonClass.Name, pythonClass.Line, pythonClass.Methods, type.Name, reserved, settable: true,
            staticMembers: true, attributes: pythonClass.Attributes ?? []);
        // Special methods come last, so a member the class names itself keeps its name and a protocol member takes the escape.
        var used = new HashSet<string>(reserved, StringComparer.Ordinal);
        used.UnionWith(methods.Select(m => m.MethodName));
        used.UnionWith(properties.Select(p => p.CSharpName));
        var protocols = PlanProtocols(pythonClass, type, used, methods);
        return new ClassWrapper(type, pythonClass.Docstring, methods, properties, protocols);
    }

    /// <summary>
    /// The C# members for the <c>def</c>s of a class body: methods without <c>self</c>, and <c>@property</c>s
    /// (with a setter only when <paramref name="settable"/>); special methods get none. With <paramref name="staticMembers"/>,
    /// static and class methods become static methods (without <c>cls</c>), else they get none; <paramref name="attributes"/>
    /// become get-only properties. All share one set of C# names, so a static member cannot take an instance member's name.
    /// </summary>
    // typeName: the C# type the members belong to (names Literal enums); reserved: member names C# already uses there.
    private (List<FunctionWrapper> Methods, List<PropertyWrapper> Properties) PlanMembers(
        string className, int classLine, IReadOnlyList<PythonFunction> defs, string typeName, ISet<string> reserved, bool settable,
        bool staticMembers = false, IReadOnlyList<PythonClassAttribute>? attributes = null)
    {
        _scope = _moduleName + "." + className;
        try
        {
            var methods = new List<PythonFunction>();
            // The binding of the last def of each name, which is the one planned.
            var bindings = new Dictionary<string, MethodBinding>(StringComparer.Ordinal);
            var getters = new Dictionary<string, PythonFunction>(StringComparer.Ordinal);
            var setters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var method in defs)
            {
                if (method.Decorators.Contains("property"))
                {
                    getters[method.Name] = method;
                }
                else if (method.Decorators.Any(d => d == method.Name + ".setter"))
                {
                    setters.Add(method.Name);
                }
                else if (method.Name.StartsWith("__", StringComparison.Ordinal) && method.Name.EndsWith("__", StringComparison.Ordinal))
                {
                    // Special methods (__init__, __repr__, __class_getitem__, ...) are Python's protocol, not the class's API;
                    // a plain class's operators, collection and context-manager methods become C# members (PlanProtocols).
                }
                else if (method.Decorators.Any(d => d.EndsWith(".deleter", StringComparison.Ordinal))
                    || (!staticMembers && Binding(method) != MethodBinding.Instance))
                {
                    var kind = method.Decorators.First(d => d.EndsWith(".deleter", StringComparison.Ordinal) || d.EndsWith("staticmethod", StringComparison.Ordinal) || d.EndsWith("classmethod", StringComparison.Ordinal));
                    Note(method, $"'{className}.{method.Name}' is a {kind} and gets no C# member; call it through the PyObject.");
                }
                else if (Binding(method) is var binding && binding != MethodBinding.Instance)
                {
                    if (binding == MethodBinding.Class && method.Parameters.FirstOrDefault()?.Kind is not (ParameterKinds.PositionalOnly or ParameterKinds.PositionalOrKeyword))
                    {
                        Note(method, $"'{className}.{method.Name}' is a classmethod that takes no 'cls' and gets no C# member.");
                        continue;
                    }
                    // Python binds cls itself; a static method's parameters are all the caller's.
                    methods.Add(binding == MethodBinding.Class ? method with { Parameters = method.Parameters.Skip(1).ToList() } : method);
                    bindings[method.Name] = binding;
                }
                else if (method.Parameters.Count == 0 || method.Parameters[0].Kind is not (ParameterKinds.PositionalOnly or ParameterKinds.PositionalOrKeyword))
                {
                    Note(method, $"'{className}.{method.Name}' takes no 'self' and gets no C# member.");
                }
                else
                {
                    methods.Add(method with { Parameters = method.Parameters.Skip(1).ToList() });
                    bindings.Remove(method.Name);
                }
            }

            var planned = PlanFunctions(methods, reserved)
                .Select(m => bindings.TryGetValue(m.PythonName, out var binding) ? m with { Binding = binding } : m)
                .ToList();
            var used = new HashSet<string>(reserved, StringComparer.Ordinal);
            used.UnionWith(planned.Select(p => p.MethodName));

            var properties = new List<PropertyWrapper>();
            foreach (var (name, getter) in getters)
            {
                if (name.StartsWith('_'))
                {
                    continue;
                }
                var csharpName = CSharpNames.AvoidReserved(CSharpNames.ToPascalCase(name), reserved);
                if (!used.Add(csharpName))
                {
                    _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, classLine,
                        $"{_moduleName}: '{className}.{name}' would become the C# member '{csharpName}', which a method of the class already is; it gets no C# member."));
                    continue;
                }
                if (!settable && setters.Contains(name))
                {
                    // Records (and enum members) travel by value: setting a property would change a Python copy.
                    Note(getter, $"the property '{className}.{name}' has a setter, but the C# value is a copy of the Python one; the C# member is get-only.");
                }
                if (PlanProperty(className, getter, typeName, csharpName, settable && setters.Contains(name)) is { } property)
                {
                    properties.Add(property);
                }
            }
            var defined = new HashSet<string>(defs.Select(d => d.Name), StringComparer.Ordinal);
            properties.AddRange(PlanAttributes(className, attributes ?? [], defined, typeName, reserved, used));
            return (planned, properties);
        }
        finally
        {
            _scope = _moduleName;
        }
    }

    private PropertyWrapper? PlanProperty(string className, PythonFunction getter, string typeName, string csharpName, bool hasSetter)
    {
        if (getter.Returns is not { } annotation)
        {
            Note(getter, $"the property '{className}.{getter.Name}' has no return annotation and gets no C# property; annotate it (-> Any for PyObject).");
            return null;
        }
        var mapping = TypeMapper.MapReturn(annotation, _types, typeName + csharpName);
        if (mapping.Problem is not null)
        {
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The annotation '{annotation.Text}' of the property {_scope}.{getter.Name} cannot be mapped to a C# type: {mapping.Problem}. "
                + $"The C# property is {mapping.DisplayName} instead; use a supported annotation, or 'Any' to make PyObject explicit."));
        }
        if (mapping.Type is not { } propertyType)
        {
            Note(getter, $"the property '{className}.{getter.Name}' is annotated None and gets no C# property.");
            return null;
        }
        // One C# type serves both ways only when the annotation maps the same as an argument (not for collections).
        var setterType = hasSetter ? TypeMapper.MapParameter(annotation, _types, typeName + csharpName).Type : null;
        var settable = setterType is not null && setterType.ParameterSpelling == propertyType.Spelling && propertyType.LazyConverterExpression("") is null;
        if (hasSetter && !settable)
        {
            Note(getter, $"the property '{className}.{getter.Name}' has a setter, but its type '{annotation.Text}' reads and writes as different C# types; the C# property is get-only.");
        }
        return new PropertyWrapper(getter.Name, csharpName, getter.Docstring, propertyType, settable);
    }

}
