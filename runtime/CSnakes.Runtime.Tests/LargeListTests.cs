using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// Lists and tuples longer than one storage chunk (64 KiB of items) read back whole and in order, through the exact
/// paths and item by item, and the result behaves as a read-only list everywhere a caller can reach it.
/// </summary>
[TestClass]
public sealed class LargeListTests
{
    private const int Count = 100_003; // 12 chunks of 8,192 longs and a short last one

    [TestMethod]
    public void ExactIntsFloatsAndStrsCrossChunkBoundaries()
    {
        using var ints = Env.ExecuteExpression($"list(range({Count}))");
        using var tupleInts = Env.ExecuteExpression($"tuple(range(-{Count}, 0))");
        using var floats = Env.ExecuteExpression($"[i / 2 for i in range({Count})]");
        using var strs = Env.ExecuteExpression($"[str(i) for i in range({Count})]");

        var longs = new ListConverter<long>(IntConverter.Instance).FromPython(ints);
        var negatives = new ListConverter<long>(IntConverter.Instance).FromPython(tupleInts);
        var doubles = new ListConverter<double>(FloatConverter.Instance).FromPython(floats);
        var texts = new ListConverter<string>(StrConverter.Instance).FromPython(strs);

        Assert.AreEqual(Count, longs.Count);
        for (int i = 0; i < Count; i++)
        {
            Assert.AreEqual(i, longs[i]);
            Assert.AreEqual(i - Count, negatives[i]);
            Assert.AreEqual(i / 2.0, doubles[i]);
        }
        Assert.AreEqual("8191", texts[8191]);
        Assert.AreEqual("8192", texts[8192]);
        Assert.AreEqual((Count - 1).ToString(), texts[^1]);
        CollectionAssert.AreEqual(Enumerable.Range(0, Count).Select(i => (long)i).ToArray(), longs.ToArray());
    }

    [TestMethod]
    public void ItemByItemResultsCrossChunkBoundaries()
    {
        // A bool among the ints sends the whole list item by item; Optional items always go that way.
        using var mixed = Env.ExecuteExpression($"list(range({Count - 1})) + [True]");
        using var optional = Env.ExecuteExpression($"[None if i % 3 == 0 else i for i in range({Count})]");

        var longs = new ListConverter<long>(IntConverter.Instance).FromPython(mixed);
        var maybe = new ListConverter<long?>(new NullableConverter<long>(IntConverter.Instance)).FromPython(optional);

        Assert.AreEqual(Count, longs.Count);
        Assert.AreEqual(8192L, longs[8192]);
        Assert.AreEqual(1L, longs[^1]);
        for (int i = 0; i < Count; i++)
        {
            Assert.AreEqual(i % 3 == 0 ? null : i, maybe[i]);
        }
    }

    [TestMethod]
    public void TheResultIsAReadOnlyListOfItsItems()
    {
        using var ints = Env.ExecuteExpression($"list(range({Count}))");
        var result = new ListConverter<long>(IntConverter.Instance).FromPython(ints);
        var list = (IList<long>)result;

        Assert.IsTrue(list.IsReadOnly);
        Assert.ThrowsExactly<NotSupportedException>(() => list.Add(1));
        Assert.ThrowsExactly<NotSupportedException>(() => list[0] = 1);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => result[Count]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => result[-1]);
        Assert.AreEqual(90_000, list.IndexOf(90_000));
        Assert.AreEqual(-1, list.IndexOf(-5));
        Assert.IsTrue(list.Contains(Count - 1));
        var copy = new long[Count + 2];
        list.CopyTo(copy, 2);
        Assert.AreEqual(Count - 1L, copy[^1]);
        Assert.AreEqual(8190L, copy[8192]);
        Assert.AreEqual(Count, result.Count());
        Assert.AreEqual((long)Count * (Count - 1) / 2, result.Sum());
    }

    [TestMethod]
    public void StorageStaysOffTheLargeObjectHeap()
    {
        using var ints = Env.ExecuteExpression($"list(range({Count}))");
        using var strs = Env.ExecuteExpression($"['x'] * {Count}");
        var longs = (ChunkedReadOnlyList<long>)new ListConverter<long>(IntConverter.Instance).FromPython(ints);
        var texts = (ChunkedReadOnlyList<string>)new ListConverter<string>(StrConverter.Instance).FromPython(strs);

        // Below the runtime's 85,000-byte large object threshold, array header included.
        Assert.IsTrue(longs.Chunks.All(chunk => chunk.Length * sizeof(long) <= 64 * 1024));
        Assert.IsTrue(texts.Chunks.All(chunk => chunk.Length * IntPtr.Size <= 64 * 1024));
        Assert.AreEqual(Count, longs.Chunks.Sum(chunk => chunk.Length));
        Assert.AreEqual(12, longs.Chunks.Count(chunk => chunk.Length == 8192));
        Assert.AreEqual(Count - 12 * 8192, longs.Chunks[^1].Length);
    }
}
