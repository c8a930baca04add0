using System.Text;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Turns Python names into C# names (docs/sdk.md, "Generated API").</summary>
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

    /// <summary>The public static class that holds the module's generated enums, records and classes.</summary>
    public static string TypesClassName(string accessor) => accessor + "Module";

    public static string ImplementationName(string accessor) => accessor + "ModuleImplementation";

    public static string ExtensionsClassName(string accessor) => accessor + "ModuleExtensions";

    /// <summary><c>My.App</c> → <c>My.App</c>, each part escaped (<c>class.x</c> → <c>@class.x</c>).</summary>
    public static string Namespace(string rootNamespace) =>
        string.Join('.', rootNamespace.Split('.').Select(part => Escape(part.Trim())));

    /// <summary>The members every C# type inherits from <c>object</c>; a nested type or member of one of these names would hide it.</summary>
    public static readonly ISet<string> ObjectMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString", "Finalize",
    };

    /// <summary>
    /// The one escape for a name C# already uses in that place (a member of <c>object</c>, a member the
    /// generated type has itself, the name of the enclosing type): a trailing underscore, <c>ToString</c> →
    /// <c>ToString_</c>; names not in <paramref name="reserved"/> are returned unchanged.
    /// </summary>
    public static string AvoidReserved(string name, ISet<string> reserved) =>
        reserved.Contains(name) ? name + "_" : name;
}
