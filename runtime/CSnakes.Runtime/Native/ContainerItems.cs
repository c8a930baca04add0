namespace CSnakes.Runtime.Native;

/// <summary>
/// The safe layer for reading the items of Python containers while converting them: every item that
/// could be freed by Python code comes back as an <see cref="OwnedRef"/>, and only tuple items (which
/// cannot change while their tuple is alive) come back as a <see cref="BorrowedRef"/>. The caller holds the GIL.
/// </summary>
internal static unsafe class ContainerItems
{
    /// <summary><c>len(list)</c> for an object known to be a list; runs no Python code.</summary>
    public static nint ListSize(nint list) => CPythonApi.LeafListSize(list);

    /// <summary><c>len(tuple)</c> for an object known to be a tuple; runs no Python code.</summary>
    public static nint TupleSize(nint tuple) => CPythonApi.LeafTupleSize(tuple);

    /// <summary>
    /// <c>list[index]</c> as an owned reference, after checking that the list still has
    /// <paramref name="expectedCount"/> items (the count when the conversion began).
    /// </summary>
    /// <exception cref="InvalidOperationException">The list changed size since the conversion began.</exception>
    public static OwnedRef ListItem(nint list, nint index, nint expectedCount)
    {
        CheckListSize(list, expectedCount);
        nint item = CPythonApi.ListGetItemRef(list, index);
        if (item == 0)
        {
            // Free-threaded: another thread shrank the list between the check and the read.
            CPythonApi.PyErr_Clear();
            throw ChangedSize("list", expectedCount, CPythonApi.LeafListSize(list));
        }

        return OwnedRef.Steal(item);
    }

    /// <summary>Throws when the list no longer has <paramref name="expectedCount"/> items.</summary>
    /// <exception cref="InvalidOperationException">The list changed size since the conversion began.</exception>
    public static void CheckListSize(nint list, nint expectedCount)
    {
        nint count = CPythonApi.LeafListSize(list);
        if (count != expectedCount)
        {
            throw ChangedSize("list", expectedCount, count);
        }
    }

    /// <summary>
    /// <c>tuple[index]</c>, borrowed: valid while the caller keeps the tuple alive, because a tuple never
    /// drops an item. The index must be in range (the caller checked the size).
    /// </summary>
    public static BorrowedRef TupleItem(nint tuple, nint index) => new(CPythonApi.LeafTupleGetItem(tuple, index));

    /// <summary>
    /// A snapshot of a dict (or dict subclass): a new plain dict, copied atomically, so converting it is
    /// unaffected by anything that later changes the original. Cheaper than <c>PyDict_Items</c> (no tuple
    /// per item) and safe to walk with <see cref="NextEntry"/> because no other code holds it.
    /// </summary>
    public static OwnedRef DictCopy(nint dict) => OwnedRef.Steal(CPythonApi.PyDict_Copy(dict));

    /// <summary>
    /// The next entry of a dict this scope owns privately (see <see cref="DictCopy"/>), key and value as owned
    /// references taken before anything else runs; false at the end. <paramref name="position"/> starts at 0.
    /// </summary>
    public static bool NextEntry(nint dict, ref nint position, out OwnedRef key, out OwnedRef value)
    {
        nint k, v;
        fixed (nint* p = &position)
        {
            if (CPythonApi.PyDict_Next(dict, p, &k, &v) == 0)
            {
                key = value = default;
                return false;
            }
        }

        // Even a private copy is reachable through gc.get_objects(), so the entry is held, not borrowed.
        key = OwnedRef.NewRef(new BorrowedRef(k));
        value = OwnedRef.NewRef(new BorrowedRef(v));
        return true;
    }

    /// <summary>Number of items of a dict (or subclass); runs no Python code.</summary>
    public static nint DictSize(nint dict) => CPythonApi.PyDict_Size(dict);

    /// <summary>
    /// Splits an item of an items list (<c>PyMapping_Items</c>) into key and
    /// value, borrowed from <paramref name="pair"/>, which the caller owns; false when it is not a 2-tuple
    /// (a user mapping's <c>items()</c> can return anything).
    /// </summary>
    public static bool TryPair(in OwnedRef pair, out BorrowedRef key, out BorrowedRef value)
    {
        if (!CPythonApi.IsTuple(pair.Handle) || CPythonApi.LeafTupleSize(pair.Handle) != 2)
        {
            key = value = default;
            return false;
        }

        key = TupleItem(pair.Handle, 0);
        value = TupleItem(pair.Handle, 1);
        return true;
    }

    private static InvalidOperationException ChangedSize(string type, nint before, nint now) =>
        new($"The Python '{type}' changed size while it was being converted (from {before} to {now} items); convert a copy, or do not change it meanwhile.");
}
