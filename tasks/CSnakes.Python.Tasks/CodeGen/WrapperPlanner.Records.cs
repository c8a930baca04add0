using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Methods of dataclass and NamedTuple records → methods of the generated C# record (docs: "Records").
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// The C# methods of each record, by record name. A record travels by value, so a method is called on a
    /// Python copy of the C# record: what it returns comes back, changes it makes to the copy do not.
    /// Properties are not wrapped: C# prints every public property of a record, and reading one would call Python.
    /// </summary>
    private Dictionary<string, IReadOnlyList<FunctionWrapper>> PlanRecordMethods(IReadOnlyList<PythonRecord> records)
    {
        var result = new Dictionary<string, IReadOnlyList<FunctionWrapper>>(StringComparer.Ordinal);
        // A later class of the same name replaces an earlier one, as it does when Python runs the module.
        foreach (var record in records.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (record.Kind == RecordKind.TypedDict || record.Methods is not { Count: > 0 } defs || _types.GetOrDeclareRecord(record.Name) is not { } type)
            {
                continue;
            }
            foreach (var property in defs.Where(d => d.Decorators.Contains("property") && !d.Name.StartsWith('_')))
            {
                Note(property, $"the property '{record.Name}.{property.Name}' of a record class gets no C# member (records travel by value); read it through the PyObject.");
            }
            var reserved = new HashSet<string>(ModuleTypeDeclarations.RecordMembers, StringComparer.Ordinal) { type.Name };
            reserved.UnionWith(type.Fields.Select(f => f.CSharpName.TrimStart('@')));
            var methods = defs.Where(d => !d.Decorators.Any(x => x == "property" || x.EndsWith(".setter", StringComparison.Ordinal))).ToList();
            var (planned, _) = PlanMembers(record.Name, record.Line, methods, type.Name, reserved, settable: false);
            if (planned.Count > 0)
            {
                result[type.Name] = planned;
            }
        }
        return result;
    }
}
