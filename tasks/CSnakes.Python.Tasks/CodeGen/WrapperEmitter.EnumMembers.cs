namespace CSnakes.Python.Tasks.CodeGen;

// Methods and properties of Python enum classes: extension methods of the types class on the generated C# enum.
internal sealed partial class WrapperEmitter
{
    // The receiver of every enum extension method; planned parameter names are camelCase, so none is this one.
    private const string EnumReceiver = "__member";

    private void EmitEnumMembers()
    {
        if (_module.EnumMembers is not { Count: > 0 } enums)
        {
            return;
        }
        // One set of converter fields for all of them: they share the types class.
        WithOwnConverters(() =>
        {
            foreach (var extensions in enums)
            {
                Register(extensions.Type);
                CollectConverters(extensions.Methods);
                foreach (var property in extensions.Properties.Where(p => p.Type != ScalarType.Object && p.Type.LazyConverterExpression("") is null))
                {
                    Register(property.Type);
                }
            }
            foreach (var (fieldType, name, expression) in _converterDeclarations)
            {
                _writer.Line($"private static readonly {fieldType} {name} = {expression};");
            }
            foreach (var extensions in enums)
            {
                foreach (var property in extensions.Properties)
                {
                    _writer.Line();
                    EmitEnumProperty(extensions.Type, property);
                }
                foreach (var method in extensions.Methods)
                {
                    _writer.Line();
                    EmitEnumMethod(extensions.Type, method);
                }
            }
        });
        _writer.Line();
    }

    // The Python member is sent (the enum's converter) and its bound method called, as `Color.RED.describe()` does.
    private void EmitEnumMethod(EnumType type, FunctionWrapper method)
    {
        var qualified = type.PythonModule + "." + type.PythonClass;
        WriteFunctionDocs(method, $"Calls the Python method <c>{XmlDoc.Escape(qualified + "." + method.PythonName)}</c> on this member.");
        var parameters = ParameterList(method, withDefaults: true);
        _writer.Line($"public static {ReturnSpelling(method)} {method.MethodName}(this {type.Spelling} {EnumReceiver}{(parameters.Length > 0 ? ", " + parameters : "")})");
        EmitCallBody(method, "__method", qualified + "." + method.PythonName,
        [
            $"using var __self = {ConverterReference(type)}.ToPython({EnumReceiver});",
            $"using var __method = __self.GetAttr({CSharpLiterals.String(method.PythonName)});",
        ]);
    }

    // C# has no extension properties before C# 14, which the generated code does not require: a method without parameters.
    private void EmitEnumProperty(EnumType type, PropertyWrapper property)
    {
        var w = _writer;
        var qualified = type.PythonModule + "." + type.PythonClass + "." + property.PythonName;
        var summary = property.Docstring is { } doc && XmlDoc.Lines(doc) is { Count: > 0 } lines
            ? lines
            : [$"Reads the Python property <c>{XmlDoc.Escape(qualified)}</c> of this member."];
        XmlDoc.Write(w, "summary", summary);
        XmlDoc.Write(w, "remarks", [$"Python: <c>{XmlDoc.Escape(qualified)}</c> (a property)"]);
        var context = CSharpLiterals.String(qualified);
        using (w.Block($"public static {property.Type.Spelling} {property.CSharpName}(this {type.Spelling} {EnumReceiver})"))
        using (w.Block(AcquireGil))
        {
            w.Line($"using var __self = {ConverterReference(type)}.ToPython({EnumReceiver});");
            if (property.Type == ScalarType.Object)
            {
                // The caller owns the returned object.
                w.Line($"return __self.GetAttr({CSharpLiterals.String(property.PythonName)});");
                return;
            }
            var converter = property.Type.LazyConverterExpression(context) ?? ConverterReference(property.Type);
            w.Line($"using var __value = __self.GetAttr({CSharpLiterals.String(property.PythonName)});");
            w.Line($"return {converter}.FromPython(__value, {context});");
        }
    }
}
