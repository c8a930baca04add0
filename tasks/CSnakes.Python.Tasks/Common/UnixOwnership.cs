using System.Runtime.InteropServices;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Who owns a path, on Unix. .NET has no public API for a file's owner, so this asks the runtime's own native
/// shim (libSystem.Native, shipped with every .NET), whose FileStatus starts with Flags, Mode, Uid, Gid on every
/// platform: unlike libc's struct stat, its layout does not depend on the architecture.
/// </summary>
internal static class UnixOwnership
{
    // Larger than FileStatus in any .NET version; only the first 16 bytes are read.
    private const int FileStatusBufferSize = 256;
    private const int UidOffset = 8;

    /// <summary>The owner's user id of <paramref name="path"/> (not following a final symbolic link), or null when it cannot be read.</summary>
    public static uint? OwnerOf(string path)
    {
        var buffer = Marshal.AllocHGlobal(FileStatusBufferSize);
        try
        {
            return LStat(path, buffer) == 0 ? (uint)Marshal.ReadInt32(buffer, UidOffset) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <summary>This process's effective user id, or null when it cannot be read.</summary>
    public static uint? CurrentUser()
    {
        try
        {
            return GetEUid();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    private static extern uint GetEUid();
}
