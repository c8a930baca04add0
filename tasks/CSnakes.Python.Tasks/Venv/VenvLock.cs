using System.Runtime.InteropServices;

namespace CSnakes.Python.Tasks;

/// <summary>
/// An exclusive lock on a venv root, held as an open lock file, so two builds of one project at once take turns
/// instead of building into the same slot.
/// </summary>
/// <remarks>
/// The lock's handle is inheritable: every process the build starts while holding it (python -m venv, pip, the
/// build backends pip runs) holds it too. A build killed with SIGKILL leaves its pip running, re-parented, still
/// writing into the slot; the lock then stays held until that orphan ends, so the next build waits for it instead
/// of deleting the slot under it (which crashed with "Directory not empty"). On Unix the lock is a <c>flock</c> taken
/// here on an inheritable descriptor (.NET's own FileShare.None lock is only taken on close-on-exec descriptors);
/// on Windows the share mode of the inherited handle does the same.
/// </remarks>
internal static class VenvLock
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    /// <summary>The held lock (dispose to release), or null after <paramref name="timeout"/>.</summary>
    public static IDisposable? Acquire(string root, TimeSpan timeout, Action onWaiting, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, ".lock");
        var deadline = DateTime.UtcNow + timeout;
        var announced = false;
        while (true)
        {
            try
            {
                return TryOpen(path);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!announced)
                {
                    onWaiting();
                    announced = true;
                }
                // Waiting on the token's handle rather than sleeping lets a cancel end the wait at once.
                cancellationToken.WaitHandle.WaitOne(RetryInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    private static FileStream TryOpen(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None | FileShare.Inheritable);
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Inheritable);
        if (Flock((int)stream.SafeFileHandle.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0)
        {
            return stream;
        }
        var error = Marshal.GetLastWin32Error() /* .NET: the same as GetLastPInvokeError */;
        stream.Dispose();
        throw new IOException($"The lock file '{path}' is held by another process (flock errno {error}).");
    }

    // flock(2) is not variadic, so this binding is exact on every Unix .NET runs on.
    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int fd, int operation);
}
