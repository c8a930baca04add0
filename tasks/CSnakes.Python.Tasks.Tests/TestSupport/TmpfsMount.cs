using CSnakes.Python.Tasks;

namespace CSnakes.Python.Tasks.Tests;

/// <summary>
/// A real small filesystem (tmpfs) mounted on a folder, for disk-full and busy-mount-point tests. Needs root
/// (or CAP_SYS_ADMIN); <see cref="MountOrSkip"/> makes the test inconclusive elsewhere.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string directory) => Directory = directory;

    public string Directory { get; }

    public static TmpfsMount MountOrSkip(string directory, string size)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("tmpfs mounts are a Linux test device.");
        }
        System.IO.Directory.CreateDirectory(directory);
        var result = ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", $"size={size}", "tmpfs", directory]);
        if (!result.Succeeded)
        {
            Assert.Inconclusive($"Cannot mount a tmpfs on {directory} (needs root): {result.Describe()} {result.StandardError}");
        }
        return new TmpfsMount(directory);
    }

    /// <summary>Writes one file until the filesystem is full, so the next write fails with ENOSPC.</summary>
    public void Fill()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            using var stream = new FileStream(Path.Combine(Directory, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
            while (true)
            {
                stream.Write(buffer);
            }
        }
        catch (IOException)
        {
        }
        // Disposing the stream may flush and fail again; either way the disk is full now.
    }

    public void Dispose() => ProcessRunner.Run("umount", ["-l", Directory]);
}
