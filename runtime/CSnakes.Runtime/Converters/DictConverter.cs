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
    protected internal override unsafe IReadOnlyDictionary<TKey, TValue> FromPythonHandle(nint obj)
    {
        if (CPythonApi.IsDict(obj))
        {
            var result = new Dictionary<TKey, TValue>((int)Math.Min(CPythonApi.PyDict_Size(obj), int.MaxValue));
            nint position = 0, key, item;
            while (CPythonApi.PyDict_Next(obj, &position, &key, &item) != 0)
            {
                Add(result, _key.FromPythonHandle(key), _value.FromPythonHandle(item), obj);
            }

            return new ReadOnlyDictionary<TKey, TValue>(result);
        }

        return FromMapping(obj);
    }

    private unsafe IReadOnlyDictionary<TKey, TValue> FromMapping(nint obj)
    {
        if (CPythonApi.IsUnicode(obj) || CPythonApi.IsList(obj) || CPythonApi.IsTuple(obj) || CPythonApi.IsBytes(obj))
        {
            throw ConversionErrors.Expected("dict", obj);
        }

        nint items = CPythonApi.PyMapping_Items(obj);
        if (items == 0)
        {
            throw ConversionErrors.FromPendingError("dict", obj);
        }

        try
        {
            nint count = CPythonApi.PyList_Size(items);
            var result = new Dictionary<TKey, TValue>((int)count);
            for (nint i = 0; i < count; i++)
            {
                nint pair = CPythonApi.PyList_GetItem(items, i);
                Add(result, _key.FromPythonHandle(CPythonApi.PyTuple_GetItem(pair, 0)), _value.FromPythonHandle(CPythonApi.PyTuple_GetItem(pair, 1)), obj);
            }

            return new ReadOnlyDictionary<TKey, TValue>(result);
        }
        finally
        {
            CPythonApi.Py_DecRef(items);
        }
    }

    private static void Add(Dictionary<TKey, TValue> result, TKey key, TValue value, nint source)
    {
        if (!result.TryAdd(key, value))
        {
            throw new InvalidCastException($"The Python '{PythonTypeNames.Of(source)}' has two keys that both convert to the .NET key '{key}'.");
        }
    }
}
