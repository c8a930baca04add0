namespace CSnakes.Python.Tasks.CodeGen;

internal sealed partial class WrapperEmitter
{
    // Each exception class of the module as a .NET exception type deriving from its Python base's type, so that
    // `catch (Sqlite3Module.OperationalError)` works and a Python subclass is caught by its base's type.
    private void EmitExceptions()
    {
        var w = _writer;
        foreach (var exception in _module.Exceptions ?? [])
        {
            var qualified = exception.PythonModule + "." + exception.PythonClass;
            var summary = exception.Docstring is { } doc && XmlDoc.Lines(doc) is { Count: > 0 } lines
                ? lines
                : [$"The Python exception <c>{XmlDoc.Escape(qualified)}</c>{_module.DefinedAsNote(exception.Name)}."];
            XmlDoc.Write(w, "summary", summary);
            XmlDoc.Write(w, "remarks", [$"Raised as this type when Python code called from .NET raises <c>{XmlDoc.Escape(qualified)}</c> or a subclass of it. Python: <c>{XmlDoc.Escape(qualified)}</c>{_module.DefinedAsNote(exception.Name)}"]);
            using (w.Block($"public class {exception.Name} : {exception.BaseSpelling}"))
            {
                XmlDoc.Write(w, "summary", ["Creates the exception from what the runtime read off the Python exception."]);
                w.Line($"public {exception.Name}({DotNetNames.PythonExceptionDetails} details) : base(details) {{ }}");
            }
            w.Line();
        }
    }
}
