namespace CSnakes.Python.Tasks.CodeGen;

// Wrapper classes for plain Python classes: hold the instance, call its methods and properties.
internal sealed partial class WrapperEmitter
{
    private void EmitClasses()
    {
        foreach (var wrapper in _module.Classes ?? [])
        {
            WithOwnConverters(() => EmitClass(wrapper));
            _writer.Line();
        }
    }

    // Each generated type keeps the converters of its members in its own static fields.
    private void WithOwnConverters(Action emit)
    {
        var (moduleFields, moduleDeclarations) = (_converterFields, _converterDeclarations);
        _converterFields = new(StringComparer.Ordinal);
        _converterDeclarations = [];
        try
        {
            emit();
        }
        finally
        {
            (_converterFields, _converterDeclarations) = (moduleFields, moduleDeclarations);
        }
    }

    private void EmitClass(ClassWrapper wrapper)
    {
        var w = _writer;
        var type = wrapper.Type;
        var qualified = type.PythonModule + "." + type.PythonClass;
        var protocols = wrapper.Protocols ?? ClassProtocols.None;
        CollectConverters(wrapper.Methods);
        CollectProtocolConverters(protocols);
        foreach (var property in wrapper.Properties.Where(p => p.Type != ScalarType.Object && p.Type.LazyConverterExpression("") is null))
        {
            Register(property.Type);
        }

        var summary = wrapper.Docstring is { } doc && XmlDoc.Lines(doc) is { Count: > 0 } lines
            ? lines
            : [$"An instance of the Python class <c>{XmlDoc.Escape(qualified)}</c>{_module.DefinedAsNote(type.Name)}."];
        XmlDoc.Write(w, "summary", summary);
        XmlDoc.Write(w, "remarks", [$"Holds the Python instance itself (by reference); dispose it to release the instance. Python: <c>{XmlDoc.Escape(qualified)}</c>{_module.DefinedAsNote(type.Name)}"]);
        using (w.Block($"public sealed class {type.Name} : {DotNetNames.IDisposable}{CollectionInterfaces(protocols)}"))
        {
            // Declared first: the converter fields below may use it (list[Counter]) and are initialized in order.
            w.Line($"internal static readonly {type.ConverterType} {ClassType.ConverterField} = new({CSharpLiterals.String(type.PythonModule)}, {CSharpLiterals.String(type.PythonClass)}, static o => new {type.Spelling}(o), static c => c.PythonObject);");
            foreach (var (fieldType, name, expression) in _converterDeclarations)
            {
                w.Line($"private static readonly {fieldType} {name} = {expression};");
            }
            w.Line();
            w.Line($"private {type.Name}({DotNetNames.PyObject} pythonObject) => PythonObject = pythonObject;");
            w.Line();
            w.Line("/// <summary>The Python instance this wrapper holds.</summary>");
            w.Line($"public {DotNetNames.PyObject} PythonObject {{ get; }}");

            foreach (var property in wrapper.Properties)
            {
                w.Line();
                EmitProperty(type, property);
            }
            foreach (var method in wrapper.Methods)
            {
                w.Line();
                if (method.IsStatic)
                {
                    EmitStaticMethod(method, type);
                    continue;
                }
                EmitInstanceMethod(method, qualified, [$"using var __method = PythonObject.GetAttr({CSharpLiterals.String(method.PythonName)});"]);
            }
            EmitProtocols(type, protocols);
            w.Line();
            if (protocols.Enter is { } enter)
            {
                EmitExitingDispose(enter);
            }
            else
            {
                w.Line("/// <summary>Releases the Python instance.</summary>");
                w.Line("public void Dispose() => PythonObject.Dispose();");
            }
        }
    }

    // qualified: module.Class in Python; getMethod: the statements that bind the method to __method.
    private void EmitInstanceMethod(FunctionWrapper method, string qualified, IReadOnlyList<string> getMethod)
    {
        WriteFunctionDocs(method, $"Calls the Python method <c>{XmlDoc.Escape(qualified + "." + method.PythonName)}</c>.");
        _writer.Line($"public {ReturnSpelling(method)} {method.MethodName}({ParameterList(method, withDefaults: true)})");
        EmitCallBody(method, "__method", qualified + "." + method.PythonName, getMethod);
    }

    private void EmitProperty(ClassType owner, PropertyWrapper property)
    {
        var w = _writer;
        var qualified = owner.PythonModule + "." + owner.PythonClass + "." + property.PythonName;
        var kind = property.IsAttribute ? property.IsStatic ? "class attribute" : "attribute" : "property";
        var summary = property.Docstring is { } doc && XmlDoc.Lines(doc) is { Count: > 0 } lines
            ? lines
            : [$"The Python {kind} <c>{XmlDoc.Escape(qualified)}</c>."];
        XmlDoc.Write(w, "summary", summary);
        var name = CSharpLiterals.String(property.PythonName);
        var context = CSharpLiterals.String(qualified);
        // A class attribute is read from the class object, which static code reaches without an instance.
        var source = property.IsStatic ? "__class" : "PythonObject";
        using (w.Block($"public {(property.IsStatic ? "static " : "")}{property.Type.Spelling} {property.CSharpName}"))
        {
            using (w.Block("get"))
            using (w.Block(AcquireGil))
            {
                if (property.IsStatic)
                {
                    w.Line(GetClassObject(owner));
                }
                if (property.Type == ScalarType.Object)
                {
                    // The caller owns the returned object.
                    w.Line($"return {source}.GetAttr({name});");
                }
                else
                {
                    var converter = property.Type.LazyConverterExpression(context) ?? ConverterReference(property.Type);
                    w.Line($"using var __value = {source}.GetAttr({name});");
                    w.Line($"return {converter}.FromPython(__value, {context});");
                }
            }
            if (property.HasSetter)
            {
                using (w.Block("set"))
                using (w.Block(AcquireGil))
                {
                    if (property.Type == ScalarType.Object)
                    {
                        w.Line($"PythonObject.SetAttr({name}, value);");
                    }
                    else
                    {
                        w.Line($"using var __value = {ConverterReference(property.Type)}.ToPython(value);");
                        w.Line($"PythonObject.SetAttr({name}, __value);");
                    }
                }
            }
        }
    }
}
