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
        var listed = inactive.Select(d => $"{d.Name} (line {d.Line})");
        return GenerationDiagnostic.Message(file, 0,
            $"{moduleName}: definitions for other Python versions or platforms are left out: {string.Join(", ", listed)}.");
    }

    /// <summary>
    /// One message listing every public name that gets no C# member (constants, aliases, TypeVars, unwrapped
    /// classes, members of enums, nested classes), or null. Never shortened: a user searching the
    /// build log for a Python name must find it.
    /// </summary>
    public static GenerationDiagnostic? NamesWithoutMember(string moduleName, string file, FileSignatures signatures)
    {
        var unwrapped = (signatures.Names ?? []).Select(name => (name.Name, Why: WhyNoMember(name, signatures))).Where(n => n.Why is not null)
            .Concat(MembersWithoutMember(signatures))
            .ToList();
        if (unwrapped.Count == 0)
        {
            return null;
        }
        var listed = unwrapped.Select(n => $"{n.Name} ({n.Why})");
        return GenerationDiagnostic.Message(file, 0, $"{moduleName}: public names with no C# member: {string.Join(", ", listed)}.");
    }

    // Members of Python enums that get no C# enum (the planner names the members of the others it leaves out), and
    // classes nested in any class.
    private static IEnumerable<(string Name, string? Why)> MembersWithoutMember(FileSignatures signatures)
    {
        foreach (var pythonEnum in (signatures.Enums ?? []).Where(e => e.Problem is not null))
        {
            foreach (var method in PublicDefs(pythonEnum.Methods))
            {
                yield return ($"{pythonEnum.Name}.{method}", "member of an enum that gets no C# enum");
            }
        }
        var nested = (signatures.Classes ?? []).Select(c => (c.Name, c.NestedClasses))
            .Concat((signatures.Records ?? []).Select(r => (r.Name, r.NestedClasses)))
            .Concat((signatures.Enums ?? []).Select(e => (e.Name, e.NestedClasses)));
        foreach (var (owner, classes) in nested)
        {
            foreach (var inner in classes ?? [])
            {
                yield return ($"{owner}.{inner.Name}", "nested class");
            }
        }
    }

    private static IEnumerable<string> PublicDefs(IReadOnlyList<PythonFunction>? methods) =>
        (methods ?? []).Select(m => m.Name).Where(name => !name.StartsWith('_')).Distinct(StringComparer.Ordinal);

    private static string? WhyNoMember(PublicName name, FileSignatures signatures) => name.Kind switch
    {
        // An annotated constant is a property of the module interface (WrapperPlanner.Constants.cs says when not).
        "constant" => (signatures.Constants ?? []).Any(c => c.Name == name.Name) ? null : "constant without an annotation",
        "alias" or "typevar" => name.Kind,
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
        // The planner's own rule, so the message never contradicts the wrappers.
        return ClassWrapRule.IsWrapped(pythonClass) ? null : "private class";
    }

}
