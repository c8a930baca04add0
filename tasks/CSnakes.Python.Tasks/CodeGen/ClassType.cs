namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// A C# wrapper class generated for a plain Python class of the module; values travel by reference
/// through the runtime's <c>ClassConverter&lt;TWrapper&gt;</c>, which the wrapper itself holds.
/// </summary>
// Holder: the qualified static class of the module that declares it (GeneratedTypeHolder).
internal sealed record ClassType(string Name, string Holder, string PythonModule, string PythonClass) : CSharpType
{
    /// <summary>The static field of the generated class that holds its converter.</summary>
    public const string ConverterField = "PythonConverter";

    public override string Spelling => Holder + "." + Name;
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("ClassConverter")}<{Spelling}>";
    public override string ConverterExpression => $"{Spelling}.{ConverterField}";

    // Named directly, never copied into a field: a copy declared inside the class itself could run
    // before the class's own converter is set.
    public override bool HasSingletonConverter => true;
    public override string NameFragment => Name;
}
