using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.Tests.CodeGen;

/// <summary>Builds signature records by hand, the way the reader script would report them.</summary>
internal static class Sig
{
    public static AnnotationNode Name(string name, params AnnotationNode[] args) => new(AnnotationKind.Name, name, args, null);

    public static AnnotationNode None => new(AnnotationKind.None, null, null, null);

    public static AnnotationNode Ellipsis => new(AnnotationKind.Ellipsis, null, null, null);

    public static AnnotationNode Union(params AnnotationNode[] members) => new(AnnotationKind.Union, null, members, null);

    public static AnnotationNode Other(string text) => new(AnnotationKind.Other, null, null, text);

    public static PythonAnnotation Ann(AnnotationNode node, string? text = null, int line = 1, int column = 1) =>
        new(text ?? Text(node), line, column, node);

    public static PythonAnnotation Ann(string simpleName) => Ann(Name(simpleName));

    public static PythonDefault Literal(string kind, string? value, string? text = null) => new(kind, value, text ?? value ?? "None");

    public static PythonDefault Expression(string text) => new("expression", null, text);

    public static PythonParameter Param(string name, PythonAnnotation? annotation = null, PythonDefault? @default = null, string kind = ParameterKinds.PositionalOrKeyword, int line = 1) =>
        new(name, kind, line, 10, annotation, @default);

    public static PythonFunction Function(string name, PythonAnnotation? returns, params PythonParameter[] parameters) =>
        new(name, 1, 1, 1, false, [], null, returns, parameters, false);

    public static FileSignatures File(params PythonFunction[] functions) => new("module.py", null, null, functions);

    private static string Text(AnnotationNode node) => node.Kind switch
    {
        AnnotationKind.Name when node.Arguments.Count == 0 => node.Name!,
        AnnotationKind.Name => $"{node.Name}[{string.Join(", ", node.Arguments.Select(Text))}]",
        AnnotationKind.None => "None",
        AnnotationKind.Union => string.Join(" | ", node.Arguments.Select(Text)),
        AnnotationKind.Ellipsis => "...",
        _ => node.Text ?? "?",
    };
}
