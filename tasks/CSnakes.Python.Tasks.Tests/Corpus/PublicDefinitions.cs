using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CSnakes.Python.Tasks.Tests.Corpus;

/// <summary>A public def/class of a stub that applies to the running interpreter (public_definitions.py).</summary>
internal sealed record PublicDefinition(string Module, string File, string Kind, string? Owner, string Name, int Line, bool Conditional)
{
    public string Display => Owner is null ? $"{Module}.{Name}" : $"{Module}.{Owner}.{Name}";
}

/// <summary>
/// Checks that every public definition is accounted for: wrapped by the generated code, or named by
/// some diagnostic of the generation task. Whatever is neither was dropped silently.
/// </summary>
internal static class PublicDefinitions
{
    public static IReadOnlyList<PublicDefinition> List(StubCorpus corpus, string? versionsFile) =>
        List(corpus.Python, corpus.PythonRoot, versionsFile);

    /// <summary>Runs public_definitions.py over <paramref name="root"/> (VERSIONS filters modules when given).</summary>
    public static IReadOnlyList<PublicDefinition> List(string python, string root, string? versionsFile)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Corpus", "public_definitions.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-I", script, root }.Concat(versionsFile is null ? [] : [versionsFile]))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"public_definitions.py failed: {stderr.GetAwaiter().GetResult()}");
        return JsonSerializer.Deserialize<List<PublicDefinition>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    /// <summary>The definitions neither wrapped nor mentioned by a diagnostic.</summary>
    public static IReadOnlyList<PublicDefinition> Unaccounted(StubCorpus corpus, IReadOnlyList<PublicDefinition> definitions)
    {
        var diagnostics = corpus.AllDiagnostics();
        var missing = new List<PublicDefinition>();
        // A class another module re-exports is declared once, by the shortest public module exporting it, whose file
        // says where Python defines it ("defined as <c>pkg._impl.Point</c>"): any file naming the class counts.
        var declaringFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var generated in corpus.Generated.Values)
        {
            foreach (System.Text.RegularExpressions.Match named in Regex.Matches(generated, @"<c>([\w.]+)</c>"))
            {
                declaringFile.TryAdd(named.Groups[1].Value, generated);
            }
        }
        foreach (var module in definitions.GroupBy(d => d.Module))
        {
            var first = module.First();
            var stubPath = Path.Combine(corpus.PythonRoot, first.File.Replace('/', Path.DirectorySeparatorChar));
            // A diagnostic names the module by its dotted name or by its file.
            var aboutModule = diagnostics.Where(d => d.Contains(stubPath, StringComparison.Ordinal) || ContainsWord(d, module.Key)).ToList();
            corpus.Generated.TryGetValue(module.Key, out var code);
            // Classes that got no C# type: their methods are accounted for (or not) with the class itself.
            var unwrappedClasses = new HashSet<string>(StringComparer.Ordinal);
            var classCode = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var definition in module.Where(d => d.Kind == "class"))
            {
                if (code is not null && NamesType(code, $"{module.Key}.{definition.Name}"))
                {
                    continue;
                }
                if (declaringFile.TryGetValue($"{module.Key}.{definition.Name}", out var elsewhere))
                {
                    classCode[definition.Name] = elsewhere;
                    continue;
                }
                unwrappedClasses.Add(definition.Name);
                if (!aboutModule.Any(d => ContainsWord(d, definition.Name)))
                {
                    missing.Add(definition);
                }
            }
            foreach (var definition in module.Where(d => d.Kind != "class"))
            {
                // A class dropped as a whole is one finding, not one per member.
                if (definition.Owner is not null && unwrappedClasses.Contains(definition.Owner))
                {
                    continue;
                }
                // A member of a class declared by another module is in that module's file.
                var memberCode = definition.Owner is not null && classCode.TryGetValue(definition.Owner, out var owner) ? owner : code;
                var wrapped = memberCode is not null && (definition.Kind == "nested_class"
                    ? NamesType(memberCode, $"{module.Key}.{definition.Owner}.{definition.Name}")
                    : WrapsFunction(memberCode, definition.Name));
                // A member of a class declared by another module is reported from that module's file, naming Class.member.
                var aboutMember = definition.Owner is not null && classCode.ContainsKey(definition.Owner)
                    && diagnostics.Any(d => d.Contains($"{definition.Owner}.{definition.Name}", StringComparison.Ordinal));
                if (!wrapped && !aboutMember && !aboutModule.Any(d => ContainsWord(d, definition.Name)))
                {
                    missing.Add(definition);
                }
            }
        }
        return missing;
    }

    // The call site fetches the attribute by its Python name, or the doc remarks show the Python signature.
    private static bool WrapsFunction(string code, string name) =>
        code.Contains($"\"{name}\"", StringComparison.Ordinal)
        || Regex.IsMatch(code, $@"Python: <c>[^<\n]*\b{Regex.Escape(name)}\(");

    // Generated types say which Python class they stand for in their XML docs (<c>module.Class</c>); a docstring that
    // mentions the class is escaped text (&lt;c&gt;), so it does not count as a wrapper.
    private static bool NamesType(string code, string qualified) =>
        code.Contains($"<c>{qualified}</c>", StringComparison.Ordinal);

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![\w]){Regex.Escape(word)}(?![\w])");
}
