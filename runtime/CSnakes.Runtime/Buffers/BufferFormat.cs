namespace CSnakes.Runtime;

/// <summary>
/// Maps a <c>struct</c>-module format string (what a Python buffer reports, e.g. <c>"d"</c>, <c>"&lt;i"</c>)
/// to the .NET item type a span over it must use.
/// </summary>
internal static class BufferFormat
{
    public static Type? ItemType(string format, long itemSize)
    {
        string code = format.TrimStart('@', '=', '<', '>', '!');
        if (code.Length != 1)
        {
            return null;
        }

        return code[0] switch
        {
            'b' => typeof(sbyte),
            'B' or 'c' => typeof(byte),
            '?' => typeof(bool),
            'h' => typeof(short),
            'H' => typeof(ushort),
            'i' => typeof(int),
            'I' => typeof(uint),
            // C long is 8 bytes on 64-bit Linux/macOS and 4 on Windows: trust the reported size.
            'l' or 'q' or 'n' => SignedOfSize(itemSize),
            'L' or 'Q' or 'N' => UnsignedOfSize(itemSize),
            'e' => typeof(Half),
            'f' => typeof(float),
            'd' => typeof(double),
            _ => null,
        };
    }

    /// <summary>True when the buffer's bytes are in the opposite order from this machine's.</summary>
    public static bool IsForeignByteOrder(string format) =>
        format.Length > 0 && ((format[0] is '>' or '!' && BitConverter.IsLittleEndian) || (format[0] == '<' && !BitConverter.IsLittleEndian));

    private static Type? SignedOfSize(long size) => size switch { 4 => typeof(int), 8 => typeof(long), _ => null };

    private static Type? UnsignedOfSize(long size) => size switch { 4 => typeof(uint), 8 => typeof(ulong), _ => null };
}
