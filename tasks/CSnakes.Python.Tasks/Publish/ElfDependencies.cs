using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace CSnakes.Python.Tasks.Publish;

/// <summary>
/// Reads the dynamic section of an ELF file with ELFSharp, which reads headers and the few sections asked
/// for, not the whole file: numpy's ~40 objects or a few hundred in Debian's dist-packages take well under a
/// second, in-process (no readelf per file).
/// </summary>
internal static class ElfDependencies
{
    private static readonly byte[] Magic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>Whether the file starts with the ELF magic (a text file or a Mach-O named <c>.so</c> does not).</summary>
    public static bool IsElf(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic);
    }

    /// <summary>The needed libraries and search path of an ELF file.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable ELF object (truncated, corrupt, no dynamic section headers).</exception>
    public static ElfDynamicInfo Read(string path)
    {
        try
        {
            if (!ELFReader.TryLoad(path, out IELF elf))
            {
                throw new InvalidDataException("not an ELF file ELFSharp can read");
            }

            using (elf)
            {
                return ReadDynamic(elf);
            }
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            // ELFSharp reports a damaged file with whatever its reader hit (EndOfStreamException for a truncated
            // one, argument or index exceptions for bad offsets): to the caller all of them mean "cannot tell".
            throw new InvalidDataException($"{e.GetType().Name}: {e.Message}", e);
        }
    }

    private static ElfDynamicInfo ReadDynamic(IELF elf)
    {
        if (!elf.HasSectionHeader)
        {
            // ELFSharp finds the dynamic section through the section headers; without them (sstrip) we cannot tell.
            throw new InvalidDataException("no section headers");
        }

        var dynamic = elf.GetSections<IDynamicSection>().FirstOrDefault();
        if (dynamic is null)
        {
            // A static object: nothing the loader would look up for it.
            return new ElfDynamicInfo([], []);
        }

        if (!elf.TryGetSection(".dynstr", out var section) || section is not IStringTable strings)
        {
            throw new InvalidDataException("the dynamic section has no .dynstr string table");
        }

        var needed = new List<string>();
        string? runPath = null;
        string? rPath = null;
        foreach (var entry in dynamic.Entries)
        {
            long? offset = entry switch
            {
                DynamicEntry<ulong> e64 => (long)e64.Value,
                DynamicEntry<uint> e32 => e32.Value,
                _ => null,
            };
            if (offset is not { } at)
            {
                continue;
            }

            switch (entry.Tag)
            {
                case DynamicTag.Needed: needed.Add(strings[at]); break;
                case DynamicTag.RunPath: runPath = strings[at]; break;
                case DynamicTag.RPath: rPath = strings[at]; break;
            }
        }

        // The loader ignores DT_RPATH when DT_RUNPATH is present (ld.so(8)).
        var searchPath = (runPath ?? rPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return new ElfDynamicInfo(needed, searchPath);
    }
}
