using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CSnakes.Runtime;

/// <summary>
/// Makes sure every Python library the app references has registered its modules with
/// <see cref="PythonModuleRegistry"/> before <c>services.AddPython()</c> reads it. A library registers from its
/// module initializer, which the JIT runtime runs only once something touches the library; an app may call
/// <c>AddPython()</c> before that. So, on the JIT runtime only, this walks the entry assembly and everything it
/// references (loading references that are not loaded yet) and runs the module initializer of each assembly
/// marked with <see cref="PythonModuleAttribute"/>. Native AOT runs the module initializers of every assembly
/// compiled into the app at startup, and the SDK roots each referenced Python library at publish, so there is
/// nothing to do there (and no assembly metadata to walk). Runs once per <c>AddPython()</c>, never on a call path.
/// </summary>
internal static class PythonModuleDiscovery
{
    public static void InitializeReferencedLibraries()
    {
        // False under Native AOT, where the trimmer then drops the walk altogether.
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            InitializeLibrariesByWalkingReferences();
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "A reference the trimmer removed is an assembly the app does not use: loading it fails and is skipped, and a kept Python library is still found. Native AOT never gets here.")]
    private static void InitializeLibrariesByWalkingReferences()
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>(AppDomain.CurrentDomain.GetAssemblies());
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            pending.Enqueue(entry);
        }

        while (pending.Count > 0)
        {
            Assembly assembly = pending.Dequeue();
            if (assembly.IsDynamic || !visited.Add(assembly.FullName ?? assembly.GetName().Name!))
            {
                continue;
            }

            if (assembly.IsDefined(typeof(PythonModuleAttribute), inherit: false))
            {
                // Runs the generated registrations at most once, as the runtime would on first use.
                RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            }

            foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
            {
                if (IsFrameworkAssembly(reference) || visited.Contains(reference.FullName))
                {
                    continue;
                }

                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // An optional reference that is not deployed cannot hold Python modules we need.
                }
            }
        }
    }

    private static bool IsFrameworkAssembly(AssemblyName name) =>
        name.Name is { } n && (n.StartsWith("System", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) || n == "netstandard" || n == "mscorlib");
}
