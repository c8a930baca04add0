namespace CSnakes.Python.Tasks;

/// <summary>
/// The two venv slots under a venv root (<c>venv-a</c>, <c>venv-b</c>), a pointer file naming the current one,
/// and one stamp per slot holding the input hash it was built from. A slot's stamp is written only after the slot
/// is complete and removed before the slot is touched, so a stamp always means "this slot is whole".
/// </summary>
internal sealed class VenvSlots(string root)
{
    public const string SlotA = "venv-a";
    public const string SlotB = "venv-b";

    public string Root => root;

    public string PointerFile => Path.Combine(root, "current");

    public string SlotDirectory(string slot) => Path.Combine(root, slot);

    public string StampFile(string slot) => Path.Combine(root, slot + ".stamp");

    /// <summary>The slot the pointer names, or null when there is no valid pointer.</summary>
    public string? ReadCurrent()
    {
        var text = ReadTrimmed(PointerFile);
        return text is SlotA or SlotB ? text : null;
    }

    public static string Other(string? slot) => slot == SlotA ? SlotB : SlotA;

    public string? ReadStamp(string slot) => ReadTrimmed(StampFile(slot));

    public void WriteStamp(string slot, string hash) => WriteAtomically(StampFile(slot), hash);

    public void PointAt(string slot) => WriteAtomically(PointerFile, slot);

    /// <summary>Empties a slot: the stamp goes first, so a half-deleted slot is never taken as whole.</summary>
    public void Clear(string slot)
    {
        File.Delete(StampFile(slot));
        var directory = SlotDirectory(slot);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? ReadTrimmed(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // Write then rename: readers see the old content or the new, never a torn file.
    private static void WriteAtomically(string file, string content)
    {
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, file, overwrite: true);
    }
}
