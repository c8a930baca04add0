using System.Collections;
using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Iterators;

/// <summary>
/// A Python iterable seen as a lazy <see cref="IEnumerable{T}"/>: each enumeration calls <c>iter()</c>
/// and each step takes the GIL for one <c>next()</c> and one conversion, releasing it in between, so
/// other threads (and Python threads) run while the caller works on an item. An iterator (rather than
/// a re-iterable collection) can be enumerated once, as in Python.
/// </summary>
internal sealed class PyEnumerable<T>(PyObject iterable, PyConverter<T> item, string? context) : IEnumerable<T>
{
    public IEnumerator<T> GetEnumerator()
    {
        foreach (PyObject value in iterable.AsEnumerable())
        {
            T converted;
            using (value)
            {
                converted = context is null ? item.FromPython(value) : item.FromPython(value, context);
            }

            yield return converted;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
