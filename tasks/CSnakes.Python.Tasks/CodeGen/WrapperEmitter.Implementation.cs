namespace CSnakes.Python.Tasks.CodeGen;

// The internal implementation class of a module: its function fields, their lookup and rebinding, and one explicit
// interface method per wrapped function (the call itself is WrapperEmitter.EmitCallBody's).
internal sealed partial class WrapperEmitter
{
    private void EmitImplementation()
    {
        var w = _writer;
        using (w.Block($"internal sealed class {_module.ImplementationName} : {_module.Qualified(_module.InterfaceName)}, {DotNetNames.ReloadableModule}"))
        {
            foreach (var (type, name, expression) in _converterDeclarations)
            {
                w.Line($"private static readonly {type} {name} = {expression};");
            }
            if (_converterDeclarations.Count > 0)
            {
                w.Line();
            }
            // Overloads of one Python function share its field. Not readonly: a reload in Development re-reads them
            // (RebindFunctions); a call reads its field once, so a call in flight keeps the function it started with.
            var pythonFunctions = _module.Functions.DistinctBy(f => f.PythonName).ToList();
            foreach (var function in pythonFunctions)
            {
                w.Line($"private {DotNetNames.PyObject}? {FunctionField(function)};");
            }
            if (_module.Functions.Count > 0)
            {
                w.Line();
            }

            w.Line($"internal {_module.ImplementationName}({DotNetNames.PyObject} module)");
            // The module object is the caller's (GetModule disposes its reference): only the functions are kept.
            using (w.Block())
            {
                if (_module.Functions.Count > 0)
                {
                    using (w.Block(AcquireGil))
                    {
                        foreach (var function in pythonFunctions)
                        {
                            // Null when this Python's module lacks it: that function fails when called, the others work.
                            w.Line($"{FunctionField(function)} = {DotNetNames.PythonModuleMembers}.Find(module, {CSharpLiterals.String(function.PythonName)});");
                        }
                    }
                }
            }
            w.Line();
            EmitRebindFunctions(pythonFunctions);

            foreach (var function in _module.Functions)
            {
                w.Line();
                EmitMethod(function);
            }
            EmitConstantImplementations();
        }
    }

    // After the module was reloaded in place: read every function again; the runtime reports the ones that are gone.
    private void EmitRebindFunctions(IReadOnlyList<FunctionWrapper> pythonFunctions)
    {
        var w = _writer;
        w.Line($"{DotNetNames.IReadOnlyList}<string> {DotNetNames.ReloadableModule}.RebindFunctions({DotNetNames.PyObject} module)");
        using (w.Block())
        {
            w.Line($"var __missing = new {DotNetNames.List}<string>();");
            if (pythonFunctions.Count > 0)
            {
                using (w.Block(AcquireGil))
                {
                    foreach (var function in pythonFunctions)
                    {
                        var field = FunctionField(function);
                        w.Line($"{DotNetNames.Volatile}.Write(ref {field}, {DotNetNames.PythonModuleReload}.Rebind(module, {CSharpLiterals.String(function.PythonName)}, {field}, __missing));");
                    }
                }
            }
            w.Line("return __missing;");
        }
    }

    private void EmitMethod(FunctionWrapper function)
    {
        _writer.Line($"{ReturnSpelling(function)} {_module.Qualified(_module.InterfaceName)}.{function.MethodName}({ParameterList(function, withDefaults: false)})");
        EmitCallBody(function, "__function", _module.ModuleName + "." + function.PythonName,
            getCallable: [$"var __function = {FunctionField(function)} ?? throw {DotNetNames.PythonModuleMembers}.Missing({CSharpLiterals.String(_module.ModuleName)}, {CSharpLiterals.String(function.PythonName)});"]);
    }
}
