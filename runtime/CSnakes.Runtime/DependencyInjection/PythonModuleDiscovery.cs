using System.Reflection;

namespace CSnakes.Runtime;

/// <summary>
/// Finds <see cref="PythonModuleAttribute"/>s in the entry assembly and everything it references
/// (loading references that are not loaded yet). Runs once at startup, never on a call path.
/// </summary>
internal static class PythonModuleDiscovery
{
    public static IReadOnlyList<PythonModuleAttribute> FindModules()
    {
        var found = new List<PythonModuleAttribute>();
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

            found.AddRange(assembly.GetCustomAttributes<PythonModuleAttribute>());
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

        return found.DistinctBy(m => m.ModuleInterface).ToList();
    }

    private static bool IsFrameworkAssembly(AssemblyName name) =>
        name.Name is { } n && (n.StartsWith("System", StringComparison.Ordinal) || n.StartsWith("Microsoft.", StringComparison.Ordinal) || n == "netstandard" || n == "mscorlib");
}
