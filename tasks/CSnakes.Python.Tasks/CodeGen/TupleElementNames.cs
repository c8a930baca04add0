namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// C# element names for a tuple from <c>Annotated[T, "@Name"]</c> items (<c>tuple[Annotated[int, "@X"], Annotated[int, "@Y"]]</c>
/// → <c>(long X, long Y)</c>). A name C# refuses there is dropped, leaving that element positional: a duplicate,
/// a member of ValueTuple (<c>Rest</c>, <c>ToString</c>…), or <c>ItemN</c> anywhere but position N.
/// </summary>
internal static class TupleElementNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "CompareTo", "Deconstruct", "Equals", "GetHashCode", "Rest", "ToString",
    };

    /// <summary>The names to use (null: all positional); <paramref name="wanted"/> holds one entry per item.</summary>
    public static IReadOnlyList<string?>? Of(IReadOnlyList<string?> wanted)
    {
        // A one-element tuple is spelled ValueTuple<T>, which takes no names.
        if (wanted.Count < 2 || wanted.All(n => n is null))
        {
            return null;
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new string?[wanted.Count];
        for (var i = 0; i < wanted.Count; i++)
        {
            if (wanted[i] is not { } name || Reserved.Contains(name) || IsItemNameElsewhere(name, i) || !used.Add(name))
            {
                continue;
            }
            names[i] = CSharpNames.Escape(name);
        }
        return names.All(n => n is null) ? null : names;
    }

    public static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static bool IsItemNameElsewhere(string name, int index) =>
        name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), out var position) && position != index + 1;
}
