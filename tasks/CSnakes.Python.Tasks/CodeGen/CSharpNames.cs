using System.Text;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Turns Python names into C# names (SPEC §4).</summary>
internal static class CSharpNames
{
    // Reserved keywords only: contextual keywords (var, async, record, …) are valid identifiers here.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
        "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly",
        "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct",
        "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe",
        "ushort", "using", "virtual", "void", "volatile", "while",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary><c>moving_average</c> → <c>MovingAverage</c>; letters after the first of each part are kept.</summary>
    public static string ToPascalCase(string snakeName)
    {
        var builder = new StringBuilder(snakeName.Length);
        foreach (var part in snakeName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(part, 1, part.Length - 1);
        }
        return builder.ToString();
    }

    /// <summary><c>window_size</c> → <c>windowSize</c>; empty when the name is only underscores.</summary>
    public static string ToCamelCase(string snakeName)
    {
        var pascal = ToPascalCase(snakeName);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    /// <summary>Prefixes <c>@</c> when the name is a C# keyword (<c>class</c> → <c>@class</c>).</summary>
    public static string Escape(string identifier) => IsKeyword(identifier) ? "@" + identifier : identifier;

    /// <summary><c>stats.smoothing</c> → <c>StatsSmoothing</c>: the module accessor and the stem of its type names.</summary>
    public static string ModuleAccessor(string dottedModuleName) =>
        string.Concat(dottedModuleName.Split('.').Select(ToPascalCase));

    public static string InterfaceName(string accessor) => "I" + accessor;

    public static string ImplementationName(string accessor) => accessor + "Module";

    public static string ExtensionsClassName(string accessor) => accessor + "ModuleExtensions";
}
