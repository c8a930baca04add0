using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Publishes libpython without its debug sections when the build machine can strip them
/// (<c>PythonStripLibrary</c>, default on). pyenv and most source builds ship libpython with DWARF debug
/// information, about 80% of the file (3.13: 29.8 MiB, 5 MiB without); <c>strip --strip-debug</c> keeps
/// every symbol the dynamic loader and debuggers' symbolication need, and changes no code.
/// </summary>
/// <remarks>
/// The stripped copy goes to a machine-wide cache named by the source's real path, size and time, so every
/// project that bundles one interpreter lists the very same file: an app with several Python libraries then
/// publishes it once instead of failing on two different sources for one target (NETSDK1152). Where stripping
/// is not possible (no <c>strip</c> on PATH, not Linux, the tool fails) the original is bundled and a message
/// says why: a bigger bundle, never a broken one. The cache is trusted only when private to the current user
/// (<see cref="PrivateCacheFolder"/>), and an entry only with a sidecar hash of itself and of its source
/// (<see cref="CacheEntryHash"/>): what is reused here is shipped.
/// </remarks>
public sealed class StripPythonLibrary : Microsoft.Build.Utilities.Task
{
    /// <summary>The resolved libpython.</summary>
    [Required]
    public string LibPython { get; set; } = "";

    /// <summary>Machine-wide folder for stripped copies (one subfolder per source file version).</summary>
    [Required]
    public string CacheDirectory { get; set; } = "";

    /// <summary>The <c>strip</c> program; empty looks it up on PATH.</summary>
    public string StripTool { get; set; } = "";

    /// <summary>The file to bundle: the stripped copy, or <see cref="LibPython"/> itself when it could not be stripped.</summary>
    [Output]
    public string BundledLibPython { get; private set; } = "";

    /// <inheritdoc/>
    public override bool Execute()
    {
        BundledLibPython = LibPython;
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var source = new FileInfo(RealPath.Resolve(LibPython));
        if (!source.Exists)
        {
            return true; // ComputePythonBundle has already reported it (CSPY4002).
        }

        string cache;
        string sourceHash;
        try
        {
            cache = PrivateCacheFolder.Resolve(CacheDirectory, why => Log.LogMessage(MessageImportance.Low, why));
            sourceHash = CacheEntryHash.Of(source.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.High, $"libpython is bundled with its debug information ({Megabytes(source.Length)}): the cache folder '{CacheDirectory}' or the library cannot be read ({e.Message}).");
            return true;
        }
        var destination = Path.Combine(cache, VersionKey(source), Path.GetFileName(LibPython));
        // Reused only when it is the very file this task stripped from this very source (sidecar hashes).
        if (CacheEntryHash.Matches(destination, key: sourceHash))
        {
            BundledLibPython = destination;
            return true;
        }

        var tool = string.IsNullOrEmpty(StripTool) ? HostFacts.Current.FindOnPath("strip") : StripTool;
        if (tool is null)
        {
            Log.LogMessage(MessageImportance.Normal, $"libpython is bundled with its debug information ({Megabytes(source.Length)}): no 'strip' on PATH (install binutils, or set PythonStripLibrary=false to silence this).");
            return true;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!Strip(tool, source, destination, sourceHash))
            {
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.High, $"libpython is bundled with its debug information ({Megabytes(source.Length)}): the cache folder '{CacheDirectory}' cannot be written ({e.Message}).");
            return true;
        }

        Log.LogMessage(MessageImportance.Normal, $"Bundling libpython without debug information: {Megabytes(source.Length)} → {Megabytes(new FileInfo(destination).Length)} ({destination}).");
        BundledLibPython = destination;
        return true;
    }

    // Strips into a private name, then moves it into place and records its hash: two builds stripping at once
    // never see half a file, and anything at the destination without a matching record is replaced.
    private bool Strip(string tool, FileInfo source, string destination, string sourceHash)
    {
        var temporary = destination + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var result = ProcessRunner.Run(tool, ["--strip-debug", "-o", temporary, source.FullName],
            new ProcessRunOptions { Timeout = TimeSpan.FromMinutes(2) });
        if (!result.Succeeded || !File.Exists(temporary))
        {
            TryDelete(temporary);
            Log.LogMessage(MessageImportance.High, $"libpython is bundled with its debug information ({Megabytes(source.Length)}): '{tool} --strip-debug' {result.Describe()}.");
            return false;
        }

        File.Move(temporary, destination, overwrite: true);
        CacheEntryHash.Record(destination, key: sourceHash);
        return true;
    }

    private static string VersionKey(FileInfo source)
    {
        var text = $"{source.FullName}|{source.Length}|{source.LastWriteTimeUtc.Ticks}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:F1} MiB";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
