namespace CSnakes.Python.Tasks;

/// <summary>The operating-system families that pick a Python provider.</summary>
internal enum HostOs
{
    Linux,
    MacOS,
    Windows,
}
