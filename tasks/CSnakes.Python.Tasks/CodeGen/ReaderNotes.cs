using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// What the signature reader reported besides signatures, as build diagnostics: definitions it left out
/// (<see cref="FileSignatures.Skipped"/>, CSPY3008 warnings), definitions of branches that do not apply
/// to this interpreter (<see cref="FileSignatures.Inactive"/>) and public names that get no C# member
/// (both low-importance messages).
/// </summary>
internal static class ReaderNotes
{
    private const int MaxListed = 40;

    /// <summary>All the notes for one module, in the order: skipped, inactive, names without a member.</summary>
    public static IReadOnlyList<GenerationDiagnostic> Describe(string moduleName, string file, FileSignatures signatures)
    {
        var notes = Skipped(moduleName, file, signatures).ToList();
        if (Inactive(moduleName, file, signatures) is { } inactive)
        {
            notes.Add(inactive);
        }
        if (NamesWithoutMember(moduleName, file, signatures) is { } names)
        {
            notes.Add(names);
        }
        return notes;
    }

    /// <summary>One CSPY3008 warning per definition the reader could not read or chose not to read.</summary>
    public static IEnumerable<GenerationDiagnostic> Skipped(string moduleName, string file, FileSignatures signatures) =>
        (signatures.Skipped ?? []).Select(skip => GenerationDiagnostic.Warning(DiagnosticCodes.DefinitionNotRead, file, skip.Line, skip.Column,
            skip.Name == "*"
                ? $"{moduleName}: some definitions are not read: {skip.Reason}. They get no C# member."
                : $"{moduleName}: '{skip.Name}' is not read: {skip.Reason}. It gets no C# member."));

    /// <summary>One message listing the definitions of branches that do not apply to this interpreter, or null.</summary>
    public static GenerationDiagnostic? Inactive(string moduleName, string file, FileSignatures signatures)
    {
        var inactive = signatures.Inactive ?? [];
        if (inactive.Count == 0)
        {
            return null;
        }
        var listed = inactive.Take(MaxListed).Select(d => $"{d.Name} (line {d.Line})");
        return GenerationDiagnostic.Message(file, 0,
            $"{moduleName}: definitions for other Python versions or platforms are left out: {string.Join(", ", listed)}{More(inactive.Count)}.");
    }

    /// <summary>One message listing the public names that get no C# member (constants, aliases, TypeVars, unwrapped classes), or null.</summary>
    public static GenerationDiagnostic? NamesWithoutMember(string moduleName, string file, FileSignatures signatures)
    {
        var unwrapped = (signatures.Names ?? []).Select(name => (name.Name, Why: WhyNoMember(name, signatures))).Where(n => n.Why is not null).ToList();
        if (unwrapped.Count == 0)
        {
            return null;
        }
        var listed = unwrapped.Take(MaxListed).Select(n => $"{n.Name} ({n.Why})");
        return GenerationDiagnostic.Message(file, 0, $"{moduleName}: public names with no C# member: {string.Join(", ", listed)}{More(unwrapped.Count)}.");
    }

    private static string? WhyNoMember(PublicName name, FileSignatures signatures) => name.Kind switch
    {
        "constant" or "alias" or "typevar" => name.Kind,
        "import" => "re-exported from a file not read",
        "class" => WhyClassHasNoMember(name.Name, signatures),
        _ => null,
    };

    private static string? WhyClassHasNoMember(string name, FileSignatures signatures)
    {
        if ((signatures.Records ?? []).Any(r => r.Name == name) || (signatures.Enums ?? []).Any(e => e.Name == name && e.Problem is null))
        {
            return null;
        }
        var pythonClass = (signatures.Classes ?? []).LastOrDefault(c => c.Name == name);
        if (pythonClass is null)
        {
            return "class";
        }
        // The same rule as WrapperPlanner.ReserveClasses: a public method or property with an annotation.
        return pythonClass.Methods.Any(IsAnnotatedPublicMember) ? null : "class without annotated members";
    }

    private static bool IsAnnotatedPublicMember(PythonFunction method) =>
        !method.Name.StartsWith('_')
        && !method.Decorators.Any(d => d is "staticmethod" or "classmethod")
        && (method.Returns is not null || method.Parameters.Skip(1).Any(p => p.Annotation is not null));

    private static string More(int count) => count > MaxListed ? $" and {count - MaxListed} more" : "";
}
