using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Annotated module-level names (`MAX_SIZE: Final = 10`, a stub's `sep: str`) → get-only properties of the module interface.
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// One get-only property per annotated module-level name, named like an enum member (<c>MAX_SIZE</c> → <c>MaxSize</c>)
    /// and read from the module at each access (a module may rebind it). A name a method of the interface already has,
    /// or a def of the module replaces, gets no property (a build message says so).
    /// </summary>
    private List<PropertyWrapper> PlanConstants(IReadOnlyList<PythonClassAttribute> constants, IReadOnlyList<FunctionWrapper> functions)
    {
        var used = new HashSet<string>(functions.Select(f => f.MethodName), StringComparer.Ordinal);
        used.UnionWith(ModuleReservedNames);
        var defined = new HashSet<string>(functions.Select(f => f.PythonName), StringComparer.Ordinal);
        var planned = new List<PropertyWrapper>();
        foreach (var constant in constants.GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (defined.Contains(constant.Name))
            {
                continue;
            }
            var csharpName = CSharpNames.AvoidReserved(EnumNames.Member(constant.Name), ModuleReservedNames);
            if (!used.Add(csharpName))
            {
                _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, constant.Line,
                    $"{_moduleName}: the module-level name '{constant.Name}' would become the C# member '{csharpName}', which a method of the module already is; it gets no C# property."));
                continue;
            }
            var mapping = TypeMapper.MapReturn(constant.Annotation, _types, csharpName);
            if (mapping.Problem is not null && constant.Annotation is { } annotation)
            {
                _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                    $"The annotation '{annotation.Text}' of the module-level name {_moduleName}.{constant.Name} cannot be mapped to a C# type: {mapping.Problem}. "
                    + $"The C# property is {mapping.DisplayName} instead; use a supported annotation, or 'Any' to make PyObject explicit."));
            }
            if (mapping.Type is not { } type)
            {
                _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, constant.Line, $"{_moduleName}: the module-level name '{constant.Name}' is annotated None and gets no C# property."));
                continue;
            }
            planned.Add(new PropertyWrapper(constant.Name, csharpName, null, type, HasSetter: false, IsStatic: false, IsAttribute: true));
        }
        return planned;
    }
}
