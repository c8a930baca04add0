namespace CSnakes.Python.Tasks.Imports;

/// <summary>Where the types of one <c>PythonImport</c> come from (scripts/locate_imports.py decides, in PEP 561 order).</summary>
internal enum ImportKind
{
    /// <summary>A <c>&lt;name&gt;-stubs</c> package in the environment.</summary>
    Stubs,

    /// <summary>The package itself, marked <c>py.typed</c>.</summary>
    Typed,

    /// <summary>typeshed's standard-library stubs, carried by a type checker installed in the environment.</summary>
    StdlibStubs,

    /// <summary>The package's own annotations, with no marker that they are complete.</summary>
    Untyped,

    /// <summary>Importable, but no Python text to read: an extension module, a builtin, a namespace folder.</summary>
    NoSource,

    /// <summary>Not importable from the environment.</summary>
    Missing,
}

/// <summary>A file of an import and the module it is.</summary>
internal sealed record ImportFile(string Path, string Module);

/// <summary>What the locator found for one name.</summary>
internal sealed record ImportLocation(
    string Name,
    ImportKind Kind,
    string? Root,
    string? StubDistribution,
    string? Distribution,
    IReadOnlyList<ImportFile> Files,
    IReadOnlyList<string> LookedIn);

/// <summary>The locator's whole answer: the environment's search path (watched for changes) and one location per name.</summary>
internal sealed record ImportReport(int Version, IReadOnlyList<string> SearchPath, IReadOnlyList<ImportLocation> Imports);
