namespace CSnakes.Runtime;

/// <summary>
/// Emitted by the generator once per Python module into the library's assembly. It describes the module and
/// marks the assembly as a Python library: on the JIT runtime <c>services.AddPython()</c> finds referenced
/// assemblies by this attribute and runs their module initializers, which register the modules with
/// <see cref="PythonModuleRegistry"/> (the registration itself uses no reflection).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class PythonModuleAttribute : Attribute
{
    /// <summary>Declares a generated module.</summary>
    /// <param name="moduleName">The dotted Python module name, e.g. <c>stats.smoothing</c>.</param>
    /// <param name="moduleInterface">The generated interface, e.g. <c>IStatsSmoothing</c>.</param>
    /// <param name="accessorType">The static class holding the accessor extension method.</param>
    /// <param name="accessorMethod">The accessor's name, e.g. <c>StatsSmoothing</c>; it takes an <see cref="IPythonEnvironment"/>.</param>
    public PythonModuleAttribute(string moduleName, Type moduleInterface, Type accessorType, string accessorMethod)
    {
        ModuleName = moduleName;
        ModuleInterface = moduleInterface;
        AccessorType = accessorType;
        AccessorMethod = accessorMethod;
    }

    /// <summary>The dotted Python module name.</summary>
    public string ModuleName { get; }

    /// <summary>The generated interface.</summary>
    public Type ModuleInterface { get; }

    /// <summary>The static class holding the accessor.</summary>
    public Type AccessorType { get; }

    /// <summary>The accessor's method name.</summary>
    public string AccessorMethod { get; }
}
