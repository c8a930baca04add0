using System.Security.Cryptography;
using System.Text;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Hash of everything resolution depends on: the task inputs, the environment variables that steer discovery
/// (CSNAKES_PYTHON, PATH, PYENV_ROOT, …), the write times of the folders new Pythons appear in (so installing
/// one is noticed), and this assembly's build (so a fixed resolver does not trust an old answer).
/// </summary>
internal static class ResolutionCacheKey
{
    private static readonly string[] EnvironmentVariables =
        ["CSNAKES_PYTHON", "PATH", "PYENV_ROOT", "UV_PYTHON_INSTALL_DIR", "XDG_DATA_HOME", "CONDA_PREFIX", "NUGET_PACKAGES"];

    public static string Compute(HostFacts host, string? pythonVersion, string? pythonExecutable, string? pythonHome, string nuGetPackagesRoot)
    {
        var text = new StringBuilder();
        text.AppendLine("format=1");
        text.AppendLine("assembly=" + typeof(ResolutionCacheKey).Assembly.ManifestModule.ModuleVersionId);
        text.AppendLine($"os={host.Os} arch={host.Architecture}");
        text.AppendLine("PythonVersion=" + pythonVersion?.Trim());
        text.AppendLine("PythonExecutable=" + pythonExecutable?.Trim());
        text.AppendLine("PythonHome=" + pythonHome?.Trim());
        text.AppendLine("NuGetPackagesRoot=" + nuGetPackagesRoot);
        foreach (var name in EnvironmentVariables)
        {
            text.AppendLine($"{name}={host.GetEnvironmentVariable(name)}");
        }
        foreach (var folder in WatchedFolders(host, nuGetPackagesRoot))
        {
            var stamp = Directory.Exists(folder) ? Directory.GetLastWriteTimeUtc(folder).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
            text.AppendLine($"{folder}@{stamp}");
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // Folders whose contents change when a Python is installed or removed. Only cheap facts: no process is run here.
    private static IEnumerable<string> WatchedFolders(HostFacts host, string nuGetPackagesRoot)
    {
        if (host.Os == HostOs.Windows)
        {
            yield return Path.Combine(nuGetPackagesRoot, WindowsNuGetPythonProvider.PackageId(host.Architecture));
            yield break;
        }
        var pyenvRoot = host.GetEnvironmentVariable("PYENV_ROOT");
        yield return Path.Combine(string.IsNullOrEmpty(pyenvRoot) ? Path.Combine(host.HomeDirectory, ".pyenv") : pyenvRoot, "versions");
        foreach (var uv in PosixCandidatePaths.UvInstallDirectories(host))
        {
            yield return uv;
        }
        foreach (var directory in host.SystemBinDirectories)
        {
            yield return directory;
        }
        if (host.Os == HostOs.MacOS)
        {
            yield return Path.Combine(host.MacFrameworksRoot, "Python.framework", "Versions");
            yield return Path.Combine(host.MacFrameworksRoot, "PythonT.framework", "Versions");
        }
    }
}
