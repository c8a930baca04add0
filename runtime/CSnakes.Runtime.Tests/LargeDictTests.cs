using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// str → int/float dicts read in place into a dictionary that keeps Python's order and hashes its keys on first
/// lookup: every entry must be found, from many threads at once, and the result must stay read-only.
/// </summary>
[TestClass]
public sealed class LargeDictTests
{
    private const int Count = 20_011;
    private static readonly DictConverter<string, long> Ints = new(StrConverter.Instance, IntConverter.Instance);
    private static readonly DictConverter<string, double> Floats = new(StrConverter.Instance, FloatConverter.Instance);

    [TestMethod]
    public void EntriesKeepPythonsOrderAndAreFoundByKey()
    {
        // Keys in an order no hash would give, so the order must come from the dict.
        using var dict = Env.ExecuteExpression($"{{f'k{{(i * 7919) % {Count}}}': i for i in range({Count})}}");
        var result = Ints.FromPython(dict);

        Assert.IsInstanceOfType<ChunkedReadOnlyDictionary<string, long>>(result, "exact str → int entries take the in-place path");
        Assert.AreEqual(Count, result.Count);
        int position = 0;
        foreach (var (key, value) in result)
        {
            Assert.AreEqual($"k{(position * 7919L) % Count}", key);
            Assert.AreEqual(position, value);
            position++;
        }
        for (int i = 0; i < Count; i++)
        {
            Assert.AreEqual(i, result[$"k{(i * 7919L) % Count}"]);
        }
        Assert.IsFalse(result.ContainsKey("missing"));
        Assert.IsFalse(result.TryGetValue("k-1", out _));
        Assert.ThrowsExactly<KeyNotFoundException>(() => result["missing"]);
        CollectionAssert.AreEqual(result.Select(entry => entry.Key).ToArray(), result.Keys.ToArray());
        CollectionAssert.AreEqual(result.Select(entry => entry.Value).ToArray(), result.Values.ToArray());
    }

    [TestMethod]
    public void FirstLookupsFromManyThreadsAllSucceed()
    {
        using var dict = Env.ExecuteExpression($"{{str(i): i * 0.5 for i in range({Count})}}");
        var result = Floats.FromPython(dict);

        // Every thread's first lookup may build the index; whichever is kept, all must see every entry.
        var misses = new int[8];
        Parallel.For(0, 8, thread =>
        {
            for (int i = thread; i < Count; i += 8)
            {
                if (!result.TryGetValue(i.ToString(), out double value) || value != i * 0.5)
                {
                    misses[thread]++;
                }
            }
        });
        Assert.AreEqual(0, misses.Sum());
    }

    [TestMethod]
    public void TheResultIsAReadOnlyDictionary()
    {
        using var dict = Env.ExecuteExpression("{'a': 1, 'b': 2}");
        using var empty = Env.ExecuteExpression("{}");
        var result = (IDictionary<string, long>)Ints.FromPython(dict);

        Assert.IsTrue(result.IsReadOnly);
        Assert.ThrowsExactly<NotSupportedException>(() => result.Add("c", 3));
        Assert.ThrowsExactly<NotSupportedException>(() => result["a"] = 5);
        Assert.ThrowsExactly<NotSupportedException>(() => result.Remove("a"));
        Assert.IsTrue(result.Contains(new KeyValuePair<string, long>("b", 2)));
        Assert.IsFalse(result.Contains(new KeyValuePair<string, long>("b", 3)));
        var copy = new KeyValuePair<string, long>[3];
        result.CopyTo(copy, 1);
        Assert.AreEqual(new KeyValuePair<string, long>("b", 2), copy[2]);
        Assert.IsTrue(result.Keys.IsReadOnly);
        Assert.AreEqual(0, Ints.FromPython(empty).Count);
        Assert.IsFalse(Ints.FromPython(empty).ContainsKey("a"));
    }
}
