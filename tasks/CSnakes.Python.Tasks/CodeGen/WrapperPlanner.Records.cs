using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Methods and properties of dataclass and NamedTuple records → members of the generated C# record (docs: "Records").
internal sealed partial class WrapperPlanner
{
    /// <summary>
    /// The C# methods and get-only properties (annotated <c>@property</c>s) of each record, by record name. A record
    /// travels by value, so each is called on a Python copy of the C# record: what it returns comes back, changes it makes
    /// to the copy do not. The record then prints only its fields (the emitter's <c>PrintMembers</c>), so that
    /// <c>ToString()</c> never calls Python.
    /// </summary>
    private (Dictionary<string, IReadOnlyList<FunctionWrapper>> Methods, Dictionary<string, IReadOnlyList<PropertyWrapper>> Properties) PlanRecordMembers(IReadOnlyList<PythonRecord> records)
    {
        var result = new Dictionary<string, IReadOnlyList<FunctionWrapper>>(StringComparer.Ordinal);
        var propertiesByRecord = new Dictionary<string, IReadOnlyList<PropertyWrapper>>(StringComparer.Ordinal);
        // A later class of the same name replaces an earlier one, as it does when Python runs the module.
        foreach (var record in records.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.Last()))
        {
            if (record.Kind == RecordKind.TypedDict || record.Methods is not { Count: > 0 } defs || _types.GetOrDeclareRecord(record.Name) is not { } type)
            {
                continue;
            }
            var reserved = new HashSet<string>(ModuleTypeDeclarations.RecordMembers, StringComparer.Ordinal) { type.Name };
            reserved.UnionWith(type.Fields.Select(f => f.CSharpName.TrimStart('@')));
            // A setter would change a copy: the properties are get-only (PlanMembers says so in a build message).
            var (planned, properties) = PlanMembers(record.Name, record.Line, defs, type.Name, reserved, settable: false);
            if (planned.Count > 0)
            {
                result[type.Name] = planned;
            }
            if (properties.Count > 0)
            {
                propertiesByRecord[type.Name] = properties;
            }
        }
        return (result, propertiesByRecord);
    }
}
