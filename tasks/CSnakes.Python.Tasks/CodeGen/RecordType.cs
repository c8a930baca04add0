namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// One positional parameter of a generated record; <see cref="DefaultValue"/> is a C# literal or null (required).
/// <see cref="OmitWhenNull"/>: a TypedDict key that may be missing (left out of the dict when null, null when missing).
/// </summary>
internal sealed record RecordField(string CSharpName, string PythonName, CSharpType Type, string? DefaultValue, bool OmitWhenNull = false);

/// <summary>
/// A C# <c>sealed record</c> generated next to the module interface for a dataclass, NamedTuple or TypedDict,
/// converted by value by the runtime's <c>RecordConverter&lt;TRecord&gt;</c>, which the record itself holds
/// (so a record used in many places, or inside another record, has one converter).
/// </summary>
// Holder: the qualified static class of the module that declares it (GeneratedTypeHolder).
internal sealed record RecordType(string Name, string Holder, IReadOnlyList<RecordField> Fields, string PythonModule, string PythonClass, RecordShape Shape) : CSharpType
{
    /// <summary>The static field of the generated record that holds its converter.</summary>
    public const string ConverterField = "PythonConverter";

    public override string Spelling => Holder + "." + Name;
    public override bool IsValueType => false;
    public override string ConverterType => $"{DotNetNames.Converter("RecordConverter")}<{Spelling}>";
    public override string ConverterExpression => $"{Spelling}.{ConverterField}";
    public override string NameFragment => Name;

    public bool Equals(RecordType? other) => other is not null && Name == other.Name && PythonModule == other.PythonModule;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);
}

/// <summary>
/// How a record's fields are read and written in Python: attributes (dataclass, NamedTuple) or dictionary keys
/// (TypedDict). The members are named as those of the runtime's <c>RecordShape</c>, which the generated code passes.
/// </summary>
internal enum RecordShape
{
    Attributes,
    Dictionary,
}
