using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.SubInterpreters;

/// <summary>
/// On CPython 3.12, has the main interpreter import every extension module before a sub-interpreter loads it.
/// </summary>
/// <remarks>
/// 3.12 refuses a single-phase-init extension (numpy's, <c>_datetime</c>'s) in an isolated sub-interpreter only after
/// running its init function there: objects that function keeps in C statics are then made with the
/// sub-interpreter's allocator, and the main interpreter's next import of the module frees them with its own and
/// aborts the process ("double free or corruption"; gh-117953, fixed in 3.13). Once the main interpreter has
/// imported a module, 3.12 refuses it in a sub-interpreter before running anything. So a sub-interpreter's extension
/// loader first asks the main interpreter to import the module (once per module; a failure there is ignored and the
/// sub-interpreter's own import reports what is wrong). Newer versions need none of this.
/// </remarks>
internal static class ExtensionImportGuard
{
    private const string ModuleName = "_csnakes_extension_guard";

    private const string Source = """
        import importlib.machinery

        _create_module = importlib.machinery.ExtensionFileLoader.create_module
        _primed = set()


        def install(import_in_main):
            def create_module(self, spec):
                if spec.name not in _primed:
                    _primed.add(spec.name)
                    import_in_main(spec.name)
                return _create_module(self, spec)

            importlib.machinery.ExtensionFileLoader.create_module = create_module
        """;

    /// <summary>Installs the guard in the sub-interpreter the thread is in, when its version needs it. Its GIL is held.</summary>
    public static void InstallIfNeeded()
    {
        if (CPythonApi.Version is not { Major: 3, Minor: 12 })
        {
            return;
        }

        using var module = EmbeddedScript.Load(ModuleName, Source);
        using var importInMain = new ActionConverter<string>(StrConverter.Instance).ToPython(ImportInMain);
        EmbeddedScript.Call(module, "install", importInMain).Dispose();
    }

    private static void ImportInMain(string moduleName) => GIL.RunInMainInterpreter(() =>
    {
        try
        {
            PythonSource.Import(moduleName).Dispose();
        }
        catch (PythonInvocationException)
        {
            // Not importable in main either: the sub-interpreter's own import says why.
        }
    });
}
