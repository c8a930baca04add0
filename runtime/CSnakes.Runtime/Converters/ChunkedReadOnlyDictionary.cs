using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// The read-only dictionary a converted Python dict becomes when its keys are known to be distinct as .NET keys (exact
/// <c>str</c> keys: distinct Python strings are distinct .NET strings). Entries keep Python's order in two
/// <see cref="ChunkedReadOnlyList{T}"/>s (off the large object heap, see there), and the hash index is built on the
/// first lookup: a result that is only enumerated, the common case for a large one, never pays for hashing its keys.
/// Safe for concurrent readers: the index is built once and published atomically.
/// </summary>
internal sealed class ChunkedReadOnlyDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly ChunkedReadOnlyList<TKey> _keys;
    private readonly ChunkedReadOnlyList<TValue> _values;
    private Index? _index;

    /// <summary>
    /// Entries from <paramref name="keys"/> and <paramref name="values"/> at the same positions; the caller guarantees
    /// that no two keys are equal.
    /// </summary>
    public ChunkedReadOnlyDictionary(ChunkedReadOnlyList<TKey> keys, ChunkedReadOnlyList<TValue> values)
    {
        if (keys.Count != values.Count)
        {
            throw new ArgumentException("Keys and values differ in number.", nameof(values));
        }
        _keys = keys;
        _values = values;
    }

    /// <inheritdoc/>
    public int Count => _keys.Count;

    /// <inheritdoc/>
    public TValue this[TKey key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the dictionary.");

    TValue IDictionary<TKey, TValue>.this[TKey key]
    {
        get => this[key];
        set => throw ReadOnly();
    }

    /// <summary>The keys, in Python's order.</summary>
    public IEnumerable<TKey> Keys => _keys;

    /// <summary>The values, in Python's order.</summary>
    public IEnumerable<TValue> Values => _values;

    ICollection<TKey> IDictionary<TKey, TValue>.Keys => _keys;

    ICollection<TValue> IDictionary<TKey, TValue>.Values => _values;

    bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => true;

    /// <inheritdoc/>
    public bool ContainsKey(TKey key) => Find(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        int at = Find(key);
        if (at < 0)
        {
            value = default;
            return false;
        }
        value = _values[at];
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        for (int i = 0; i < _keys.Count; i++)
        {
            yield return new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item) =>
        TryGetValue(item.Key, out var value) && EqualityComparer<TValue>.Default.Equals(value, item.Value);

    void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (arrayIndex < 0 || array.Length - arrayIndex < Count)
        {
            throw new ArgumentException("The destination array is too short.", nameof(array));
        }
        for (int i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = new KeyValuePair<TKey, TValue>(_keys[i], _values[i]);
        }
    }

    void IDictionary<TKey, TValue>.Add(TKey key, TValue value) => throw ReadOnly();

    bool IDictionary<TKey, TValue>.Remove(TKey key) => throw ReadOnly();

    void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => throw ReadOnly();

    void ICollection<KeyValuePair<TKey, TValue>>.Clear() => throw ReadOnly();

    bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A dictionary converted from Python is read-only.");

    private int Find(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Index index = _index ?? BuildIndex();
        var comparer = EqualityComparer<TKey>.Default;
        int hash = comparer.GetHashCode(key);
        for (int at = index.Buckets[hash & (index.Buckets.Length - 1)] - 1; at >= 0; at = index.Next[at])
        {
            if (index.Hashes[at] == hash && comparer.Equals(_keys[at], key))
            {
                return at;
            }
        }
        return -1;
    }

    private Index BuildIndex()
    {
        int count = _keys.Count;
        int size = 1;
        while (size < count)
        {
            size <<= 1;
        }
        var index = new Index(new int[size], new int[count], new int[count]);
        var comparer = EqualityComparer<TKey>.Default;
        for (int i = 0; i < count; i++)
        {
            int hash = comparer.GetHashCode(_keys[i]);
            ref int bucket = ref index.Buckets[hash & (size - 1)];
            index.Hashes[i] = hash;
            index.Next[i] = bucket - 1; // chains hold positions; a bucket holds position + 1, 0 for empty
            bucket = i + 1;
        }
        // Readers racing here build equal indexes; the first one published is kept.
        return Interlocked.CompareExchange(ref _index, index, null) ?? index;
    }

    private sealed record Index(int[] Buckets, int[] Hashes, int[] Next);
}
