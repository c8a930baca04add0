namespace CSnakes.Python.Tasks.Publish;

/// <summary>One file of the Python bundle: where it comes from and where it goes, relative to the publish folder.</summary>
internal sealed record BundleEntry(string SourcePath, string TargetPath);
