using System.Collections.ObjectModel;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python <c>dict</c> (or any mapping) ↔ <see cref="IReadOnlyDictionary{TKey, TValue}"/>, converted
/// eagerly. Two Python keys that become the same .NET key are an <see cref="InvalidCastException"/>.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class DictConverter<TKey, TValue> : PyConverter<IReadOnlyDictionary<TKey, TValue>> where TKey : notnull
{
    private readonly PyConverter<TKey> _key;
    private readonly PyConverter<TValue> _value;

    /// <summary>Creates a dict converter from the key and value converters.</summary>
    public DictConverter(PyConverter<TKey> key, PyConverter<TValue> value)
    {
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc/>
    protected internal override unsafe nint ToPythonHandle(IReadOnlyDictionary<TKey, TValue> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        nint dict = CPythonApi.PyDict_New();
        if (dict == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            foreach (var (k, v) in value)
            {
                nint key = _key.ToPythonHandle(k);
                nint item;
                try
                {
                    item = _value.ToPythonHandle(v);
                }
                catch
                {
                    CPythonApi.Py_DecRef(key);
                    throw;
                }

                // PyDict_SetItem does not steal.
                int rc = CPythonApi.PyDict_SetItem(dict, key, item);
                CPythonApi.Py_DecRef(key);
                CPythonApi.Py_DecRef(item);
                if (rc != 0)
                {
                    throw ConversionErrors.Pending();
                }
            }

            return dict;
        }
        catch
        {
            CPythonApi.Py_DecRef(dict);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Converts a snapshot of the items taken when the conversion begins (<c>PyDict_Copy</c>, or
    /// <c>PyMapping_Items</c> for other mappings): converting a key or value can run Python code that changes
    /// the dict, and then the result is the dict as it was, never a mix and never freed memory.
    /// </remarks>
    protected internal override unsafe IReadOnlyDictionary<TKey, TValue> FromPythonHandle(nint obj)
    {
        if (CPythonApi.IsDict(obj))
        {
            // str → int/float entries convert without running Python code, so under the GIL the live dict can be
            // read in place (never on free-threaded builds: ExactNumbers).
            if (TryReadExact(obj, (int)Math.Min(ContainerItems.DictSize(obj), int.MaxValue)) is { } exact)
            {
                return exact;
            }

            // Otherwise not PyDict_Next on obj itself: its key and value are borrowed from the live dict (freed if
            // Python code clears it) and free-threaded builds do not allow it without a lock we could not
            // hold across Python code. A private copy is atomic and, for compact dicts, a memory copy.
            using var copy = ContainerItems.DictCopy(obj);
            int size = (int)Math.Min(ContainerItems.DictSize(copy.Handle), int.MaxValue);
            var result = new Dictionary<TKey, TValue>(size);
            nint position = 0;
            while (ContainerItems.NextEntry(copy.Handle, ref position, out var key, out var value))
            {
                try
                {
                    Add(result, _key.FromPythonHandle(key.Handle), _value.FromPythonHandle(value.Handle), obj);
                }
                finally
                {
                    key.Dispose();
                    value.Dispose();
                }
            }

            return new ReadOnlyDictionary<TKey, TValue>(result);
        }

        if (CPythonApi.IsUnicode(obj) || CPythonApi.IsList(obj) || CPythonApi.IsTuple(obj) || CPythonApi.IsBytes(obj))
        {
            throw ConversionErrors.Expected("dict", obj);
        }

        nint mappingItems = CPythonApi.PyMapping_Items(obj);
        if (mappingItems == 0)
        {
            throw ConversionErrors.FromPendingError("dict", obj);
        }

        using (var items = OwnedRef.Steal(mappingItems))
        {
            return FromItems(items.Handle, obj);
        }
    }

    /// <summary>Converts a list of (key, value) tuples that this converter owns (from a mapping's <c>items()</c>).</summary>
    private IReadOnlyDictionary<TKey, TValue> FromItems(nint items, nint source)
    {
        // The items list is ours, but each pair is still held while converting: Python code could reach the
        // list through gc.get_objects(). Within a held pair, key and value are borrowed (tuples never change).
        nint count = ContainerItems.ListSize(items);
        var result = new Dictionary<TKey, TValue>((int)Math.Min(count, int.MaxValue));
        for (nint i = 0; i < count; i++)
        {
            using var pair = ContainerItems.ListItem(items, i, count);
            if (!ContainerItems.TryPair(pair, out var key, out var value))
            {
                throw new InvalidCastException($"Expected the items of a Python '{PythonTypeNames.Of(source)}' to be (key, value) pairs but got a '{PythonTypeNames.Of(pair.Handle)}'.");
            }

            Add(result, _key.FromPythonHandle(key.Handle), _value.FromPythonHandle(value.Handle), source);
        }

        return new ReadOnlyDictionary<TKey, TValue>(result);
    }

    private static void Add(Dictionary<TKey, TValue> result, TKey key, TValue value, nint source)
    {
        if (!result.TryAdd(key, value))
        {
            throw new InvalidCastException($"The Python '{PythonTypeNames.Of(source)}' has two keys that both convert to the .NET key '{key}'.");
        }
    }

    // str → int/float dicts of the plain converters: read without per-entry references or dispatch (ExactNumbers);
    // null otherwise. The type tests are constants once the JIT specialises TKey and TValue.
    private IReadOnlyDictionary<TKey, TValue>? TryReadExact(nint dict, int size)
    {
        if (typeof(TKey) != typeof(string) || !ReferenceEquals(_key, StrConverter.Instance))
        {
            return null;
        }
        if (typeof(TValue) == typeof(long) && ReferenceEquals(_value, IntConverter.Instance)
            || typeof(TValue) == typeof(double) && ReferenceEquals(_value, FloatConverter.Instance))
        {
            return (IReadOnlyDictionary<TKey, TValue>?)(object?)ExactNumbers.TryReadStringKeyed<TValue>(dict, size);
        }
        return null;
    }
}
