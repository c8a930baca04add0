namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// A library that bundled native objects of one top-level package need and the bundle does not carry.
/// <paramref name="Objects"/> are the needing objects' paths relative to their site directory, sorted.
/// </summary>
internal sealed record MissingNativeLibrary(string Package, string Library, IReadOnlyList<string> Objects);

/// <summary>A bundled file that looks like an ELF object but could not be read; the check says nothing about it.</summary>
internal sealed record UnreadableNativeObject(string TargetPath, string Reason);

/// <summary>What <see cref="NativeDependencyCheck"/> found, in a stable order.</summary>
internal sealed record NativeDependencyFindings(
    IReadOnlyList<MissingNativeLibrary> Missing,
    IReadOnlyList<UnreadableNativeObject> Unreadable,
    int ObjectsChecked);
