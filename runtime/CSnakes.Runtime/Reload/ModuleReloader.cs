using System.Collections.Concurrent;
using CSnakes.Modules;

namespace CSnakes.Runtime.Reload;

/// <summary>
/// Watches the project folders the app's Python modules were copied from (the build manifests' source folders).
/// When a <c>.py</c> there changes, it copies the file over its copy next to the app and has the environment reload
/// that module, so the next call runs the new code without restarting the app. Development only (see ReloadSettings).
/// </summary>
internal sealed class ModuleReloader : IDisposable
{
    // Editors save in several steps (truncate, write, rename a temporary file): act once the file has been quiet this long.
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(150);

    private readonly IReadOnlyList<SourceRoot> _roots;
    private readonly Action<string, string> _reload;
    private readonly TextWriter _log;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly object _applying = new();

    /// <param name="roots">Output folder → source folder pairs.</param>
    /// <param name="reload">Reloads a module: (module name, file relative to its root).</param>
    /// <param name="log">Where to say what was reloaded (the app's console, which <c>dotnet watch</c> shows).</param>
    public ModuleReloader(IReadOnlyList<SourceRoot> roots, Action<string, string> reload, TextWriter log)
    {
        _roots = roots;
        _reload = reload;
        _log = log;
        _timer = new Timer(_ => ApplyPending(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var root in roots.Where(r => Directory.Exists(r.Source)))
        {
            var watcher = new FileSystemWatcher(root.Source, "*.py")
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _timer.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (e.FullPath.EndsWith(".py", StringComparison.Ordinal))
        {
            _pending[e.FullPath] = 0;
            _timer.Change(s_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void ApplyPending()
    {
        lock (_applying)
        {
            foreach (var path in _pending.Keys.Order(StringComparer.Ordinal).ToList())
            {
                if (_pending.TryRemove(path, out _))
                {
                    Apply(path);
                }
            }
        }
    }

    private void Apply(string path)
    {
        var root = _roots.FirstOrDefault(r => path.StartsWith(Path.TrimEndingDirectorySeparator(r.Source) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        if (root is null || !File.Exists(path))
        {
            return;
        }
        var relative = Path.GetRelativePath(root.Source, path);
        // The project's build output and tools' folders are not modules of the app.
        if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "__pycache__" || part.StartsWith('.')))
        {
            return;
        }
        var copy = Path.Combine(root.Output, relative);
        if (!File.Exists(copy))
        {
            _log.WriteLine($"csnakes: {relative} is not part of the app yet; build to add it (and its C# wrapper).");
            return;
        }
        try
        {
            File.Copy(path, copy, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.WriteLine($"csnakes: could not copy {relative} next to the app ({e.Message}); save it again to retry.");
            return;
        }
        // Named as the build named its wrapper; a file the build could not name is no module to reload.
        if (ModuleNaming.TryGetModuleName(relative, out var problem) is not { } module)
        {
            _log.WriteLine($"csnakes: copied {relative} next to the app; no module is reloaded: {problem}.");
            return;
        }
        _reload(module, relative);
    }
}
