namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// What an annotation maps to: a type, or void (a <c>None</c> return), plus <see cref="Problem"/> when the annotation
/// could not be mapped in full: <see cref="Type"/> fell back to <c>PyObject</c>, or holds <c>PyObject</c> where a part
/// could not be mapped (<c>list[int | str]</c> is <c>IReadOnlyList&lt;PyObject&gt;</c>).
/// </summary>
internal sealed record TypeMapping(CSharpType? Type, string? Problem)
{
    public bool IsVoid => Type is null;

    /// <summary>The type as a message names it: its C# spelling without the <c>global::</c> qualifications.</summary>
    public string DisplayName => Type is null ? "void" : CSharpTypeDisplay.Of(Type.Spelling);

    public static TypeMapping Of(CSharpType type) => new(type, null);

    public static TypeMapping Unsupported(string problem) => new(ScalarType.Object, problem);

    public static readonly TypeMapping Void = new(null, null);
}

/// <summary>C# spellings for messages: generated code qualifies every type from <c>global::</c>, a reader does not need it.</summary>
internal static class CSharpTypeDisplay
{
    // A plain Regex: the tasks also target net472, which has no regex source generator.
    private static readonly System.Text.RegularExpressions.Regex s_qualification = new(@"global::(?:[A-Za-z_][A-Za-z0-9_]*\.)*");

    public static string Of(string spelling) => s_qualification.Replace(spelling, "");
}
