namespace CSnakes.Python.Tasks.CodeGen;

internal enum DiagnosticSeverity
{
    /// <summary>A low-importance build message (e.g. why a function was skipped).</summary>
    Message,
    Warning,
    Error,
}

/// <summary>A located problem found while planning or emitting a wrapper; the task logs it.</summary>
internal sealed record GenerationDiagnostic(DiagnosticSeverity Severity, string? Code, string File, int Line, int Column, string Text)
{
    public static GenerationDiagnostic Error(string code, string file, int line, int column, string text) =>
        new(DiagnosticSeverity.Error, code, file, line, column, text);

    public static GenerationDiagnostic Warning(string code, string file, int line, int column, string text) =>
        new(DiagnosticSeverity.Warning, code, file, line, column, text);

    public static GenerationDiagnostic Message(string file, int line, string text) =>
        new(DiagnosticSeverity.Message, null, file, line, 0, text);
}

/// <summary>The diagnostic codes this part of the build reports (docs/errors.md lists them all).</summary>
internal static class DiagnosticCodes
{
    /// <summary>A Python file has a syntax error (or cannot be read or decoded).</summary>
    public const string SyntaxError = "CSPY2001";

    /// <summary>The signature reader script failed or printed something unexpected.</summary>
    public const string ReaderFailed = "CSPY2002";

    /// <summary>The interpreter given to run the reader could not be started.</summary>
    public const string PythonNotRunnable = "CSPY2003";

    /// <summary>An annotation could not be mapped; PyObject is used instead.</summary>
    public const string UnmappedAnnotation = "CSPY3001";

    /// <summary>Two modules would generate the same C# names.</summary>
    public const string ModuleNameCollision = "CSPY3002";

    /// <summary>Two functions in one module would generate the same C# method name.</summary>
    public const string FunctionNameCollision = "CSPY3003";

    /// <summary>A parameter that must be sent positionally has a default C# cannot express; it becomes required.</summary>
    public const string DefaultMadeRequired = "CSPY3004";

    // CSPY3005 (async generator not wrapped) is retired: async generators map to IAsyncEnumerable<T>.

    /// <summary>A Python file has no importable module name and gets no wrapper.</summary>
    public const string NoModuleName = "CSPY3006";

    // CSPY3007 (two modules generating one C# type name) is retired: each module's types are nested in its own static class.

    /// <summary>The signature reader left out a public definition (an unevaluable condition, a re-export from a file it cannot see...).</summary>
    public const string DefinitionNotRead = "CSPY3008";

    /// <summary>A project module shadows a standard-library module of the same top-level name.</summary>
    public const string ShadowsStdlib = "CSPY3009";

    /// <summary>A PythonImport item names a module the project's environment cannot import.</summary>
    public const string ImportNotFound = "CSPY3010";

    /// <summary>A PythonImport item names a module the project itself holds (its folder comes first on sys.path).</summary>
    public const string ImportIsProjectModule = "CSPY3011";

    /// <summary>An imported package has no stubs and no py.typed marker: its own annotations are read (one warning per package).</summary>
    public const string ImportUntyped = "CSPY3012";

    /// <summary>An imported module is importable but has no Python text to read (an extension, a builtin, a namespace folder).</summary>
    public const string ImportHasNoSource = "CSPY3013";

    /// <summary>Two modules of installed packages would generate the same C# names: the later gets no wrapper.</summary>
    public const string ImportedModuleNameCollision = "CSPY3014";

    /// <summary>Something inside an installed package that a project would be told to fix (the wrapper drops it; the build goes on).</summary>
    public const string ImportedModuleProblem = "CSPY3015";
}
