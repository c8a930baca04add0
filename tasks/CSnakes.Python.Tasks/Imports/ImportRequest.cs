using CSnakes.Modules;
using Microsoft.Build.Framework;

namespace CSnakes.Python.Tasks.Imports;

/// <summary>One <c>PythonImport</c> item: a module name and whether its public submodules are wrapped too.</summary>
internal sealed record ImportRequest(string Name, bool Submodules)
{
    public const string SubmodulesMetadata = "Submodules";

    /// <summary>The items as requests, names trimmed; an item that is not a dotted identifier is kept so the locator reports it missing.</summary>
    public static IReadOnlyList<ImportRequest> FromItems(IEnumerable<ITaskItem> items) =>
        items.Select(item => new ImportRequest(item.ItemSpec.Trim(), !string.Equals(item.GetMetadata(SubmodulesMetadata).Trim(), "false", StringComparison.OrdinalIgnoreCase)))
            .Where(r => r.Name.Length > 0)
            .ToList();

    /// <summary>Whether <paramref name="module"/> (a module of the imported package) gets a wrapper for this request.</summary>
    public bool Wraps(string module) =>
        !ModuleNaming.IsPrivate(module)
        && (module == Name || (Submodules && module.StartsWith(Name + ".", StringComparison.Ordinal)));
}

/// <summary>A file handed to code generation for an import.</summary>
internal sealed record ImportedModuleFile(string Path, string Module, string ImportName, bool Wrapped)
{
    public ITaskItem ToItem()
    {
        var item = new Microsoft.Build.Utilities.TaskItem(Path);
        item.SetMetadata(CodeGen.PythonInput.ModuleNameMetadata, Module);
        item.SetMetadata(CodeGen.PythonInput.ImportNameMetadata, ImportName);
        item.SetMetadata(CodeGen.PythonInput.ReadOnlyMetadata, Wrapped ? "false" : "true");
        return item;
    }
}
