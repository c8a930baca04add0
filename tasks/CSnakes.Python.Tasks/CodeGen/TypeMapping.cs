namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// What an annotation maps to: a type, or void (a <c>None</c> return), plus <see cref="Problem"/>
/// when the annotation could not be mapped and <see cref="Type"/> fell back to <c>PyObject</c>.
/// </summary>
internal sealed record TypeMapping(CSharpType? Type, string? Problem)
{
    public bool IsVoid => Type is null;

    public static TypeMapping Of(CSharpType type) => new(type, null);

    public static TypeMapping Unsupported(string problem) => new(ScalarType.Object, problem);

    public static readonly TypeMapping Void = new(null, null);
}
