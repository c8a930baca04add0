using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// *args → a C# array of the annotated item type, a `params` array where C# allows one (docs/type-mapping.md).
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// <c>*args: T</c> is an array of <c>T</c> as a parameter maps it (<c>*args: str</c> → <c>string[]</c>), each item
    /// converted on its own. Without an annotation, or when <c>T</c> is a union or does not map, the items are
    /// <c>PyObject</c>s sent as they are, as before <c>*args</c> were typed (no warning: nothing is lost).
    /// </summary>
    private ParameterWrapper PlanVarPositional(PythonFunction function, PythonParameter parameter, int index, string name)
    {
        CSharpType itemType = ScalarType.Object;
        if (parameter.Annotation is { } annotation && TypeMapper.UnionAlternatives(annotation) is null)
        {
            var mapping = TypeMapper.MapParameter(annotation, _types, CSharpNames.ToPascalCase(function.Name) + CSharpNames.ToPascalCase(parameter.Name));
            // A nullable collection reads and writes as different C# types, which no one item converter serves.
            if (mapping.Problem is null && mapping.Type is { } mapped && !(mapped is OptionalType && mapped.ParameterSpelling != mapped.Spelling))
            {
                itemType = mapped;
            }
        }
        return new ParameterWrapper(index, parameter.Name, name, itemType, NullMeaning.Omit, "null", ArgumentPassing.VarPositional);
    }

    /// <summary>
    /// A <c>*args</c> array that ends the C# parameter list becomes <c>params</c> (<c>Join("a", "b")</c>); C# allows no
    /// default there, and none is needed. Before <c>**kwargs</c> or an async method's <c>CancellationToken</c> it stays an
    /// optional array (<c>args: new[] { … }</c>), since a <c>params</c> array must come last.
    /// </summary>
    private static void MakeParamsArray(List<ParameterWrapper> ordered, bool takesCancellationToken)
    {
        if (takesCancellationToken || ordered.Count == 0 || ordered[^1].Passing != ArgumentPassing.VarPositional)
        {
            return;
        }
        ordered[^1] = ordered[^1] with { IsParams = true, DefaultLiteral = null };
    }
}
