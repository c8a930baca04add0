using System.Security.Cryptography;
using System.Text;

namespace CSnakes.Python.Tasks;

/// <summary>
/// The sidecar <c>&lt;file&gt;.sha256</c> recorded when a cache entry is made: the SHA-256 of the entry's content,
/// plus the key it was made from (e.g. the hash of the source it was derived from). An entry is reused only when
/// both still match, so a file dropped into the cache by anyone else, or left half-written, is made again.
/// scripts/compile_bytecode.py writes the same format for the pycs it compiles.
/// </summary>
internal static class CacheEntryHash
{
    public static string SidecarOf(string file) => file + ".sha256";

    public static string Of(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>Records <paramref name="file"/>'s hash (and <paramref name="key"/>) beside it; write then rename, so a reader never sees half.</summary>
    public static void Record(string file, string key = "")
    {
        var sidecar = SidecarOf(file);
        var temporary = sidecar + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, Format(Of(file), key), Encoding.ASCII);
        File.Move(temporary, sidecar, overwrite: true);
    }

    /// <summary>True when <paramref name="file"/> exists and its content and key are the ones recorded with it.</summary>
    public static bool Matches(string file, string key = "")
    {
        try
        {
            var sidecar = SidecarOf(file);
            return File.Exists(file) && File.Exists(sidecar) && File.ReadAllText(sidecar, Encoding.ASCII) == Format(Of(file), key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Format(string hash, string key) => key.Length == 0 ? hash + "\n" : $"{hash}\nkey={key}\n";
}
