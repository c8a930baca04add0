namespace CSnakes.Python.Tasks;

/// <summary>Finds the Python helper scripts that ship in <c>scripts/</c> next to the task assembly.</summary>
internal static class HelperScripts
{
    public static string PathOf(string fileName)
    {
        var assemblyDirectory = Path.GetDirectoryName(typeof(HelperScripts).Assembly.Location) ?? AppContext.BaseDirectory;
        return Path.Combine(assemblyDirectory, "scripts", fileName);
    }
}
