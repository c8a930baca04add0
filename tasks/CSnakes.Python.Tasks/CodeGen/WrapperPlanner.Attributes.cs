using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Annotated names of a class body → get-only C# properties of its wrapper (docs/type-mapping.md, "Classes").
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// One get-only property per annotated attribute: static for a class constant (<c>ClassVar</c>, <c>Final</c> with
    /// a value), read from the class object; an instance one otherwise, read from the instance. Names are PascalCased
    /// like enum members (<c>MAX_SIZE</c> → <c>MaxSize</c>); one already used by a method or property of the class is
    /// left out with a message, as is an attribute that a <c>def</c> of the body replaces.
    /// </summary>
    // defined: the names of the class's defs; used: the C# member names taken so far (updated).
    private IEnumerable<PropertyWrapper> PlanAttributes(string className, IReadOnlyList<PythonClassAttribute> attributes,
        ISet<string> defined, string typeName, ISet<string> reserved, ISet<string> used)
    {
        // A name annotated twice (a stub's branches, a redefinition) is one attribute: the last one, as Python leaves it.
        foreach (var attribute in attributes.GroupBy(a => a.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (defined.Contains(attribute.Name))
            {
                // The def (a method or property) is what the name holds when Python runs the class body.
                continue;
            }
            var csharpName = CSharpNames.AvoidReserved(EnumNames.Member(attribute.Name), reserved);
            if (!used.Add(csharpName))
            {
                _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, attribute.Line,
                    $"{_moduleName}: the attribute '{className}.{attribute.Name}' would become the C# member '{csharpName}', which another member of the class already is; it gets no C# member."));
                continue;
            }
            if (PlanAttribute(className, attribute, typeName, csharpName) is { } property)
            {
                yield return property;
            }
        }
    }

    private PropertyWrapper? PlanAttribute(string className, PythonClassAttribute attribute, string typeName, string csharpName)
    {
        var mapping = TypeMapper.MapReturn(attribute.Annotation, _types, typeName + csharpName);
        if (mapping.Problem is not null && attribute.Annotation is { } annotation)
        {
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The annotation '{annotation.Text}' of the attribute {_moduleName}.{className}.{attribute.Name} cannot be mapped to a C# type: {mapping.Problem}. "
                + $"The C# property is {mapping.DisplayName} instead; use a supported annotation, or 'Any' to make PyObject explicit."));
        }
        if (mapping.Type is not { } type)
        {
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, attribute.Line,
                $"{_moduleName}: the attribute '{className}.{attribute.Name}' is annotated None and gets no C# property."));
            return null;
        }
        return new PropertyWrapper(attribute.Name, csharpName, null, type, HasSetter: false, IsStatic: attribute.Kind == "class", IsAttribute: true);
    }
}
