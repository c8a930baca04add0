namespace CSnakes.Python.Sdk.Tests;

/// <summary>
/// test-projects/PublishApp published once per run in each flavour the publish tests read (publishing is the
/// slow part).
/// </summary>
public static class PublishedWorkspace
{
    private static readonly Lazy<Published> s_published = new(Publish);

    public static Published Get() => s_published.Value;

    private static Published Publish()
    {
        var workspace = E2EEnvironment.CreateWorkspace("PublishApp");
        string FolderOf(string name) => Path.Combine(workspace, "out", name);

        var frameworkDependent = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-o", FolderOf("fd"), "-nodeReuse:false");
        // Again with nothing changed, into another folder (the moved-folder test takes this one).
        var frameworkDependentAgain = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-o", FolderOf("fd-again"), "-nodeReuse:false");
        // Counted now: running the app later lets Python write bytecode caches into the folder.
        int pycacheAfterPublish = Directory.Exists(FolderOf("fd"))
            ? Directory.GetDirectories(FolderOf("fd"), "__pycache__", SearchOption.AllDirectories).Length
            : -1;
        var selfContained = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "true", "-o", FolderOf("sc"), "-nodeReuse:false");
        var noBundle = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-p:PythonBundle=false", "-o", FolderOf("nobundle"), "-nodeReuse:false");
        // PythonCompileBytecode=true, then again with nothing changed (-v:n shows whether the compile step
        // reused its last result). A cache of the stdlib's pycs of its own, so this run compiles them itself.
        string pycCache = $"-p:PythonBytecodeCacheDirectory={Path.Combine(workspace, "pyc-cache")}/";
        var bytecode = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-p:PythonCompileBytecode=true", pycCache, "-o", FolderOf("pyc"), "-nodeReuse:false");
        var bytecodeAgain = DotNetCli.Run(workspace, "publish", "App", "-r", "linux-x64", "--self-contained", "false", "-p:PythonCompileBytecode=true", pycCache, "-o", FolderOf("pyc-again"), "-nodeReuse:false", "-v:n");
        return new Published(workspace, frameworkDependent, frameworkDependentAgain, selfContained, noBundle, pycacheAfterPublish, bytecode, bytecodeAgain);
    }
}

public sealed record Published(
    string Directory,
    DotNetResult FrameworkDependent,
    DotNetResult FrameworkDependentAgain,
    DotNetResult SelfContained,
    DotNetResult NoBundle,
    int PycacheDirectoriesAfterPublish,
    DotNetResult Bytecode,
    DotNetResult BytecodeAgain)
{
    public string Folder(string name) => Path.Combine(Directory, "out", name);
}
