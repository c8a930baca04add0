using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// A hash of everything a bytecode compile depends on: the interpreter file, the script, and every source's
/// path, place, size, time and output folder. When it matches the last run's, the last result is reused
/// and Python is not started at all (a no-change republish).
/// </summary>
internal static class BytecodeStamp
{
    public static string Compute(string pythonExecutable, string scriptPath, IEnumerable<BytecodeSource> sources)
    {
        var text = new StringBuilder();
        text.Append("format 1\n");
        // The executable is followed through its links: pyenv's python3 is one, and a reinstall changes the target.
        AppendFile(text, RealPath.Resolve(pythonExecutable));
        AppendFile(text, scriptPath);
        foreach (var source in sources)
        {
            text.Append(source.TargetPath).Append('\t').Append(source.OutputDirectory).Append('\t');
            AppendFile(text, source.SourcePath);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AppendFile(StringBuilder text, string path)
    {
        var info = new FileInfo(path);
        text.Append(path).Append('\t');
        text.Append(info.Exists ? info.Length.ToString(CultureInfo.InvariantCulture) : "-").Append('\t');
        text.Append(info.Exists ? info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) : "-").Append('\n');
    }
}
