namespace CSnakes.Python.Tasks;

/// <summary>
/// An exclusive lock on a venv root, held as an open lock file, so two builds of one project at once take turns
/// instead of building into the same slot. The OS drops the lock if a build dies.
/// </summary>
internal static class VenvLock
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

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
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
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
}
