using System.Globalization;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>One member of a generated enum and the Python text it stands for.</summary>
// PythonText: the member name of a Python enum class, or the value of a Literal (a str, or an int in decimal).
internal sealed record EnumMember(string CSharpName, string PythonText);

/// <summary>What a generated enum stands for in Python.</summary>
internal enum EnumOrigin
{
    /// <summary>An <c>enum.Enum</c> subclass of the module; members travel as the class's members, matched by name.</summary>
    PythonEnum,

    /// <summary>A <c>Literal</c> of strings; members travel as plain <c>str</c>.</summary>
    StrLiteral,

    /// <summary>A <c>Literal</c> of ints; members travel as plain <c>int</c>.</summary>
    IntLiteral,
}

/// <summary>
/// A C# enum generated next to the module interface, converted by the runtime's <c>EnumConverter&lt;TEnum&gt;</c>.
/// </summary>
// PythonModule/PythonClass: where a PythonEnum lives; unused for literals.
// Description: the XML summary text (already escaped), not part of equality.
// Holder: the qualified static class of the module that declares it (GeneratedTypeHolder).
internal sealed record EnumType(string Name, string Holder, EnumOrigin Origin, IReadOnlyList<EnumMember> Members, string PythonModule, string PythonClass, string Description) : CSharpType
{
    public override string Spelling => Holder + "." + Name;
    public override bool IsValueType => true;
    public override string ConverterType => $"{DotNetNames.Converter("EnumConverter")}<{Spelling}>";
    public override string NameFragment => Name;

    public override string ConverterExpression
    {
        get
        {
            var table = "[" + string.Join(", ", Members.Select(m => $"({Spelling}.{m.CSharpName}, {PythonValue(m)})")) + "]";
            return Origin == EnumOrigin.PythonEnum
                ? $"new {ConverterType}({table}, {CSharpLiterals.String(PythonModule)}, {CSharpLiterals.String(PythonClass)})"
                : $"new {ConverterType}({table})";
        }
    }

    private string PythonValue(EnumMember member) => Origin == EnumOrigin.IntLiteral
        ? long.Parse(member.PythonText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + "L"
        : CSharpLiterals.String(member.PythonText);

    public bool Equals(EnumType? other) => other is not null && Name == other.Name && ConverterExpression == other.ConverterExpression;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);
}
