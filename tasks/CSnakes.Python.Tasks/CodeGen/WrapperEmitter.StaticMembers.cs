namespace CSnakes.Python.Tasks.CodeGen;

// Static members of wrapper classes: @staticmethod/@classmethod calls and class constants, made on the class object.
internal sealed partial class WrapperEmitter
{

    /// <summary>
    /// A static C# method that calls the method on the class object: a classmethod gets the class as <c>cls</c> from
    /// Python itself (the attribute is bound to the class), a staticmethod gets nothing bound.
    /// </summary>
    private void EmitStaticMethod(FunctionWrapper method, ClassType owner)
    {
        var qualified = owner.PythonModule + "." + owner.PythonClass;
        var kind = method.Binding == MethodBinding.Class ? "class method" : "static method";
        WriteFunctionDocs(method, $"Calls the Python {kind} <c>{XmlDoc.Escape(qualified + "." + method.PythonName)}</c>.");
        _writer.Line($"public static {ReturnSpelling(method)} {method.MethodName}({ParameterList(method, withDefaults: true)})");
        EmitCallBody(method, "__method", qualified + "." + method.PythonName,
        [
            GetClassObject(owner),
            $"using var __method = __class.GetAttr({CSharpLiterals.String(method.PythonName)});",
        ]);
    }

    /// <summary>The statement that binds the Python class object of <paramref name="owner"/> to <c>__class</c> (GIL held).</summary>
    private static string GetClassObject(ClassType owner) =>
        $"using var __class = {PythonClassesGet}({CSharpLiterals.String(owner.PythonModule)}, {CSharpLiterals.String(owner.PythonClass)});";
}
