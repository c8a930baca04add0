using System.Collections;
using System.Runtime.CompilerServices;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// The read-only list a converted Python list or tuple becomes. Its items live in arrays of at most 64 KiB, so a large
/// result never lands on the large object heap: there every allocation counts toward a budget that, in a process
/// whose large objects do not survive, is a few megabytes, and each time it runs out a full (gen 2) collection runs
/// and the freed pages go back to the OS, to be faulted in and zeroed again on the next call. Measured on a
/// 100,000-item <c>list[int]</c> that was most of the conversion's cost; small chunks are gen-0 garbage, which costs
/// almost nothing to collect. An item is one array lookup further away than in a plain array.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ChunkedReadOnlyList<T> : IList<T>, IReadOnlyList<T>
{
    // Items per chunk: the largest power of two whose chunk stays within 64 KiB (below the large object heap's
    // 85,000-byte threshold, array header included), so an index splits into chunk and offset with a shift and a mask.
    // Static per T, but the indexer reads the instance's copy: code shared by every reference type T would look the
    // static up through the generic dictionary on each access.
    private static readonly int s_shift = ChunkShift(Unsafe.SizeOf<T>());

    private readonly T[][] _chunks;
    private readonly int _count;
    private readonly int _shift;
    private readonly int _mask;

    private ChunkedReadOnlyList(T[][] chunks, int count, int shift)
    {
        _chunks = chunks;
        _count = count;
        _shift = shift;
        _mask = (1 << shift) - 1;
    }

    /// <summary>
    /// A list of <paramref name="count"/> items whose storage the caller fills through <see cref="Chunks"/> before
    /// handing the list out. Value-type chunks are not zeroed first: the caller writes every item or drops the list.
    /// </summary>
    public static ChunkedReadOnlyList<T> Allocate(nint count)
    {
        int total = checked((int)count);
        int shift = s_shift;
        int chunkLength = 1 << shift;
        var chunks = new T[(total + chunkLength - 1) >> shift][];
        for (int c = 0; c < chunks.Length; c++)
        {
            chunks[c] = GC.AllocateUninitializedArray<T>(Math.Min(chunkLength, total - (c << shift)));
        }
        return new ChunkedReadOnlyList<T>(chunks, total, shift);
    }

    /// <summary>The storage, in order: every chunk full but the last. Only for filling right after <see cref="Allocate"/>.</summary>
    public T[][] Chunks => _chunks;

    /// <summary>The storage of item <paramref name="index"/>, for filling one item at a time right after <see cref="Allocate"/>.</summary>
    public ref T Slot(int index) => ref _chunks[index >> _shift][index & _mask];

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {_count} items.");
            }
            return Slot(index);
        }
    }

    T IList<T>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    bool ICollection<T>.IsReadOnly => true;

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        foreach (T[] chunk in _chunks)
        {
            foreach (T item in chunk)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public int IndexOf(T item)
    {
        for (int c = 0; c < _chunks.Length; c++)
        {
            int at = Array.IndexOf(_chunks[c], item);
            if (at >= 0)
            {
                return (c << _shift) + at;
            }
        }
        return -1;
    }

    /// <inheritdoc/>
    public bool Contains(T item) => IndexOf(item) >= 0;

    /// <inheritdoc/>
    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || array.Length - arrayIndex < _count)
        {
            throw new ArgumentException("The destination array is too short.", nameof(array));
        }
        foreach (T[] chunk in _chunks)
        {
            chunk.CopyTo(array, arrayIndex);
            arrayIndex += chunk.Length;
        }
    }

    void IList<T>.Insert(int index, T item) => throw ReadOnly();

    void IList<T>.RemoveAt(int index) => throw ReadOnly();

    void ICollection<T>.Add(T item) => throw ReadOnly();

    void ICollection<T>.Clear() => throw ReadOnly();

    bool ICollection<T>.Remove(T item) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A list converted from Python is read-only.");

    private static int ChunkShift(int itemSize)
    {
        int shift = 0;
        while ((2L << shift) * itemSize <= 64 * 1024)
        {
            shift++;
        }
        return shift;
    }
}
