namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/PackedLibrary with its two Python libraries packed into its own `packed/` feed (see the
/// scenario's nuget.config) once per run; the tests build, run and publish the apps that take them.
/// </summary>
public static class PackedLibraryWorkspace
{
    private static readonly Lazy<PackedWorkspace> s_packed = new(Pack);

    public static PackedWorkspace Get() => s_packed.Value;

    private static PackedWorkspace Pack()
    {
        var workspace = E2EEnvironment.CreateWorkspace("PackedLibrary");
        var packed = Path.Combine(workspace, "packed");
        var pack = DotNetCli.Run(workspace, "pack", "PyPkg", "-o", packed, "-nodeReuse:false");
        var packNewer = DotNetCli.Run(workspace, "pack", "PyPkgNewer", "-o", packed, "-nodeReuse:false");
        return new PackedWorkspace(workspace, pack, packNewer);
    }
}

public sealed record PackedWorkspace(string Directory, DotNetResult Pack, DotNetResult PackNewer)
{
    public string Package => Path.Combine(Directory, "packed", "Packed.PyPkg.1.0.0.nupkg");
}
