namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// The C# types a module's wrapper declares beside its interface (enums, records, class wrappers). Every
/// generated file names them in a header line, so a build that regenerates only some modules can still see
/// what the others declare: all wrappers of a project share one namespace, and two declarations of one type
/// name would be a C# compiler error in generated code.
/// </summary>
internal static class GeneratedTypeNames
{
    private const string HeaderPrefix = "// csnakes-types:";

    /// <summary>The names declared for <paramref name="module"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Of(ModuleWrapper module) =>
        [
            .. (module.Enums ?? []).Select(e => e.Name),
            .. (module.Records ?? []).Select(r => r.Name),
            .. (module.Classes ?? []).Select(c => c.Type.Name),
        ];

    /// <summary>The header line written near the top of the module's generated file.</summary>
    public static string Header(ModuleWrapper module) => HeaderPrefix + " " + string.Join(" ", Of(module));

    /// <summary>The names a generated file declares according to its header; empty when it has none or cannot be read.</summary>
    public static IReadOnlyList<string> ReadFrom(string generatedFile)
    {
        try
        {
            foreach (var line in File.ReadLines(generatedFile).Take(8))
            {
                if (line.StartsWith(HeaderPrefix, StringComparison.Ordinal))
                {
                    return line[HeaderPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missing or unreadable file declares nothing we could clash with.
        }
        return [];
    }
}
