namespace CSnakes.Python.Tasks.CodeGen;

// *args: appended after the named positional arguments.
internal sealed partial class WrapperEmitter
{
    /// <summary>
    /// A <c>PyObject[]</c> goes as it is (the caller keeps ownership of its objects); a typed array converts each item
    /// into its own stack slot, as a named argument of that type would be.
    /// </summary>
    private void EmitVarPositional(ParameterWrapper varPositional)
    {
        var name = varPositional.CSharpName;
        if (varPositional.ValueType == ScalarType.Object)
        {
            _writer.Line($"__call.AddRange({name});");
            return;
        }
        var type = varPositional.ValueType;
        var converter = ConverterReference(type);
        // Collections accept any IEnumerable<T>: those go through the converter's own ToPython overload.
        var add = type.ParameterSpelling == type.Spelling
            ? $"__call.Add({converter}, __item);"
            : $"__call.AddConverted({converter}.ToPython(__item));";
        _writer.Line($"if ({name} is not null) {{ foreach (var __item in {name}) {{ {add} }} }}");
    }
}
