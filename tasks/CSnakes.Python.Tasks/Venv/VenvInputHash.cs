using System.Security.Cryptography;
using System.Text;

namespace CSnakes.Python.Tasks;

/// <summary>
/// The hash that decides whether a venv must be rebuilt: the base interpreter (path, file time, version), the pip
/// arguments, whether the venv sees the base's site-packages, the installer (pip, or uv and its path), and the content of every requirements file including files they pull in with <c>-r</c>/<c>-c</c>.
/// Wheels or folders that requirements point at are not hashed; change a requirements line to pick them up.
/// </summary>
internal static class VenvInputHash
{
    public static string Compute(string pythonExecutable, string? pythonVersion, IReadOnlyList<string> requirementsFiles, IReadOnlyList<string> pipArguments,
        bool systemSitePackages = false, string installer = InstallerChoice.Pip)
    {
        var text = new StringBuilder();
        text.AppendLine("format=1");
        text.AppendLine("python=" + Path.GetFullPath(pythonExecutable));
        text.AppendLine("python-time=" + File.GetLastWriteTimeUtc(pythonExecutable).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        text.AppendLine("version=" + pythonVersion);
        text.AppendLine("pip-arguments=" + string.Join("\u001f", pipArguments));
        // Written only when not the default, so the venvs that existed before these settings keep their hash
        // and an SDK update does not rebuild them.
        if (systemSitePackages)
        {
            text.AppendLine("system-site-packages=true");
        }
        if (installer != InstallerChoice.Pip)
        {
            text.AppendLine("installer=" + installer);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(requirementsFiles.Select(Path.GetFullPath));
        while (pending.TryDequeue(out var file))
        {
            if (!visited.Add(file))
            {
                continue;
            }
            text.AppendLine("file=" + file);
            if (!File.Exists(file))
            {
                text.AppendLine("(missing)");
                continue;
            }
            text.AppendLine(File.ReadAllText(file));
            foreach (var included in RequirementsFile.IncludedFiles(file))
            {
                pending.Enqueue(included);
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
