namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// What the dynamic loader reads from one ELF shared object: the libraries it needs (DT_NEEDED, in order)
/// and the folders it searches for them first (DT_RUNPATH, or DT_RPATH when there is no RUNPATH, split at
/// ':' and not yet expanded: <c>$ORIGIN</c> is left in).
/// </summary>
internal sealed record ElfDynamicInfo(IReadOnlyList<string> Needed, IReadOnlyList<string> SearchPaths);
