using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CSnakes.Runtime;

/// <summary>
/// Makes sure every Python library the app references has registered its modules with
/// <see cref="PythonModuleRegistry"/> before <c>services.AddPython()</c> reads it. A library registers from its
/// module initializer, which the JIT runtime runs only once something touches the library; an app may call
/// <c>AddPython()</c> before that. So this walks the entry assembly, the libraries named by the Python manifests
/// next to the app, and everything they reference (loading what is not loaded yet), and runs the module
/// initializer of each assembly marked with <see cref="PythonModuleAttribute"/>. Native AOT runs the module
/// initializers of every assembly compiled into the app at startup (the SDK roots each referenced Python library
/// at publish) and has no references to walk, so the walk ends there. Runs once per <c>AddPython()</c>, never on
/// a call path.
/// </summary>
internal static class PythonModuleDiscovery
{
    public static void InitializeReferencedLibraries()
    {
        // Not RuntimeFeature.IsDynamicCodeSupported: PublishAot=true sets it false on the JIT runtime too (so a
        // debug run behaves like the AOT app), and there the walk is needed.
        try
        {
            InitializeLibrariesByWalkingReferences();
        }
        catch (PlatformNotSupportedException)
        {
            // Native AOT keeps no assembly references to walk; it ran every compiled-in initializer at startup.
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "A reference the trimmer removed is an assembly the app does not use: loading it fails and is skipped, and a kept Python library is still found. Under Native AOT the walk stops at the first reference lookup (PlatformNotSupportedException).")]
    private static void InitializeLibrariesByWalkingReferences()
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>(AppDomain.CurrentDomain.GetAssemblies());
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            pending.Enqueue(entry);
        }

        // The compiler drops a reference the app's code never uses, so a library the app names nothing of is not
        // among the references; its manifest (<Assembly>.csnakes.json, next to the app) still names it.
        foreach (string manifest in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.csnakes.json"))
        {
            string name = Path.GetFileName(manifest)[..^".csnakes.json".Length];
            if (TryLoad(new AssemblyName(name)) is { } library)
            {
                pending.Enqueue(library);
            }
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

                if (TryLoad(reference) is { } loaded)
                {
                    pending.Enqueue(loaded);
                }
            }
        }
    }

    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            // A reference that is not deployed (or a manifest named after no assembly) holds no Python modules we need.
            return null;
        }
    }

    private static bool IsFrameworkAssembly(AssemblyName name) =>
        name.Name is { } n && (n.StartsWith("System", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) || n == "netstandard" || n == "mscorlib");
}
