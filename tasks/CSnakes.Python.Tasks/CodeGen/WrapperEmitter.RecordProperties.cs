namespace CSnakes.Python.Tasks.CodeGen;

// The @property members of dataclass and NamedTuple records: C# properties read from a Python copy of the record.
internal sealed partial class WrapperEmitter
{
    /// <summary>
    /// A get-only property that sends the record to Python (a copy, as its methods do) and reads the property there.
    /// </summary>
    private void EmitRecordProperty(RecordType record, PropertyWrapper property)
    {
        var w = _writer;
        var qualified = record.PythonModule + "." + record.PythonClass + "." + property.PythonName;
        var summary = property.Docstring is { } doc && XmlDoc.Lines(doc) is { Count: > 0 } lines
            ? lines
            : [$"The Python property <c>{XmlDoc.Escape(qualified)}</c>."];
        XmlDoc.Write(w, "summary", summary);
        XmlDoc.Write(w, "remarks", ["Computed by Python on each read, from a copy of this record."]);
        var context = CSharpLiterals.String(qualified);
        using (w.Block($"public {property.Type.Spelling} {property.CSharpName}"))
        using (w.Block("get"))
        using (w.Block(AcquireGil))
        {
            w.Line($"using var __self = {RecordType.ConverterField}.ToPython(this);");
            if (property.Type == ScalarType.Object)
            {
                // The caller owns the returned object.
                w.Line($"return __self.GetAttr({CSharpLiterals.String(property.PythonName)});");
                return;
            }
            var converter = property.Type.LazyConverterExpression(context) ?? ConverterReference(property.Type);
            w.Line($"using var __value = __self.GetAttr({CSharpLiterals.String(property.PythonName)});");
            w.Line($"return {converter}.FromPython(__value, {context});");
        }
    }

    /// <summary>
    /// The record's own <c>PrintMembers</c>, with the text C# would write for its fields alone: the compiler's would also
    /// print the Python properties, so <c>ToString()</c> (and the debugger) would call Python.
    /// </summary>
    private void EmitRecordPrintMembers(RecordType record)
    {
        var w = _writer;
        w.Line("// The fields only, as C# would print them: printing a Python property would call Python.");
        using (w.Block($"private bool PrintMembers({DotNetNames.StringBuilder} builder)"))
        {
            for (var i = 0; i < record.Fields.Count; i++)
            {
                var field = record.Fields[i];
                var label = (i > 0 ? ", " : "") + field.CSharpName.TrimStart('@') + " = ";
                w.Line($"builder.Append({CSharpLiterals.String(label)});");
                w.Line($"builder.Append((object?){field.CSharpName});");
            }
            w.Line($"return {(record.Fields.Count > 0 ? "true" : "false")};");
        }
    }
}
