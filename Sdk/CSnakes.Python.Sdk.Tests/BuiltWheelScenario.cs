namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/WheelScenario built once and shared by the tests that only read it (build + run is the
/// expensive part: restore, venv, pip, codegen, two compiles).
/// </summary>
public static class BuiltWheelScenario
{
    private static readonly Lazy<BuiltWorkspace> s_built = new(Build);

    public static BuiltWorkspace Get() => s_built.Value;

    private static BuiltWorkspace Build()
    {
        var workspace = E2EEnvironment.CreateWorkspace("WheelScenario");
        var build = DotNetCli.Run(workspace, "build", "ConsoleApp", "-nodeReuse:false");
        return new BuiltWorkspace(workspace, build);
    }
}

public sealed record BuiltWorkspace(string Directory, DotNetResult FirstBuild)
{
    public string AppDll => Path.Combine(Directory, "ConsoleApp", "bin", "Debug", "net10.0", "ConsoleApp.dll");

    public string AppOutputDirectory => Path.GetDirectoryName(AppDll)!;
}
