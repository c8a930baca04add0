namespace CSnakes.Python.Tasks.CodeGen;

// Module constants: get-only properties of the module interface, read from the module object at each access.
internal sealed partial class WrapperEmitter
{
    // The runtime's way to a module's attribute (a class, a constant) where no IPythonEnvironment is at hand.
    private const string PythonClassesGet = "global::CSnakes.Runtime.PythonClasses.Get";

    private void EmitConstantDeclarations()
    {
        foreach (var constant in _module.Constants ?? [])
        {
            _writer.Line();
            XmlDoc.Write(_writer, "summary", [$"The Python module-level name <c>{XmlDoc.Escape(_module.ModuleName + "." + constant.PythonName)}</c>, read at each access."]);
            _writer.Line($"{constant.Type.Spelling} {constant.CSharpName} {{ get; }}");
        }
    }

    private void EmitConstantImplementations()
    {
        var w = _writer;
        foreach (var constant in _module.Constants ?? [])
        {
            w.Line();
            var context = CSharpLiterals.String(_module.ModuleName + "." + constant.PythonName);
            using (w.Block($"{constant.Type.Spelling} {_module.Qualified(_module.InterfaceName)}.{constant.CSharpName}"))
            using (w.Block("get"))
            using (w.Block(AcquireGil))
            {
                // The module's attribute now (the runtime's lookup of module.name, importing nothing new: the module is loaded).
                var read = $"{PythonClassesGet}({CSharpLiterals.String(_module.ModuleName)}, {CSharpLiterals.String(constant.PythonName)})";
                if (constant.Type == ScalarType.Object)
                {
                    // The caller owns the returned object.
                    w.Line($"return {read};");
                }
                else
                {
                    var converter = constant.Type.LazyConverterExpression(context) ?? ConverterReference(constant.Type);
                    w.Line($"using var __value = {read};");
                    w.Line($"return {converter}.FromPython(__value, {context});");
                }
            }
        }
    }
}
