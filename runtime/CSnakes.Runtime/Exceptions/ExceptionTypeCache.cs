using System.Collections.Concurrent;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// The registrations of <see cref="PythonExceptionTypes"/> resolved to one interpreter's class objects: class object
/// → factory. Each interpreter has its own class objects (sub-interpreters too), so there is one cache per
/// interpreter, keyed by <c>PyInterpreterState_Get()</c>. The caller holds that interpreter's GIL.
/// </summary>
/// <remarks>
/// <para>The cache holds a strong reference to every class it maps, so an address in it always means the same
/// class. Those references are kept for the interpreter's life: the main interpreter's until finalization, a
/// sub-interpreter's until <see cref="ForgetCurrentInterpreter"/> releases them just before it ends (a later
/// interpreter at the same address must not see stale classes).</para>
/// <para>Many threads translate at once (free-threaded builds have no GIL, and Python code run by a lookup can
/// switch threads), so readers take an immutable <see cref="Snapshot"/> without locking, and lookups that run
/// Python code happen outside the lock, which only guards publishing a merged snapshot (a lock held across Python
/// code would deadlock with a thread waiting for the GIL). Two threads may resolve the same registration; the
/// second one's reference is released.</para>
/// </remarks>
internal sealed class ExceptionTypeCache
{
    private static readonly ConcurrentDictionary<nint, ExceptionTypeCache> s_byInterpreter = new();

    private readonly object _gate = new();
    private volatile Snapshot _current = new(new Dictionary<nint, Func<PythonExceptionDetails, PythonInvocationException>>(), new Dictionary<string, int[]>(), [], 0);

    /// <param name="Factories">Class object (an owned reference) → the factory of its registration.</param>
    /// <param name="ReloadNames">
    /// <c>module.qualname</c> of each resolved class a reload can make again → its registrations, so a class that is
    /// missing from <paramref name="Factories"/> but has the name of one that is can be looked up again.
    /// </param>
    /// <param name="Pending">Registrations not resolved yet (their module is not imported, or lacked the attribute), ascending.</param>
    /// <param name="Seen">Registrations at this index and above were made after the last resolution.</param>
    internal sealed record Snapshot(
        IReadOnlyDictionary<nint, Func<PythonExceptionDetails, PythonInvocationException>> Factories,
        IReadOnlyDictionary<string, int[]> ReloadNames,
        int[] Pending,
        int Seen);

    /// <summary>The cache of the interpreter the calling thread is in.</summary>
    public static ExceptionTypeCache ForCurrentInterpreter() =>
        s_byInterpreter.GetOrAdd(CPythonApi.PyInterpreterState_Get(), static _ => new ExceptionTypeCache());

    /// <summary>
    /// Drops the cache of the interpreter the calling thread is in and releases the classes it held. That
    /// interpreter's GIL is held and it is about to end: no other thread translates exceptions in it any more.
    /// </summary>
    public static unsafe void ForgetCurrentInterpreter()
    {
        if (!s_byInterpreter.TryRemove(CPythonApi.PyInterpreterState_Get(), out var cache))
        {
            return;
        }

        foreach (nint cls in cache._current.Factories.Keys)
        {
            CPythonApi.Py_DecRef(cls);
        }
    }

    /// <summary>Resolves the registrations made since the last call and those still pending; returns what is known now.</summary>
    public Snapshot Update()
    {
        var known = _current;
        var all = PythonExceptionTypes.All;
        if (known.Pending.Length == 0 && known.Seen == all.Length)
        {
            return known;
        }

        var found = ExceptionClassResolver.Resolve(all, known.Pending.Concat(Enumerable.Range(known.Seen, all.Length - known.Seen)));
        return Merge(found, all, all.Length);
    }

    /// <summary>
    /// The factory for <paramref name="cls"/> (borrowed; the caller keeps it alive), or null. A class a reload made
    /// again is missing from the cache under the name of its predecessor: its registrations are then looked up again.
    /// </summary>
    public Func<PythonExceptionDetails, PythonInvocationException>? FactoryFor(nint cls, ref Snapshot known)
    {
        if (known.Factories.TryGetValue(cls, out var create))
        {
            return create;
        }

        if (known.ReloadNames.Count == 0 || !ExceptionClassResolver.IsHeapType(cls)
            || !known.ReloadNames.TryGetValue(PythonTypeNames.OfType(cls), out var indices))
        {
            return null;
        }

        var all = PythonExceptionTypes.All;
        known = Merge(ExceptionClassResolver.Resolve(all, indices), all, seen: 0);
        return known.Factories.GetValueOrDefault(cls);
    }

    private Snapshot Merge(List<ExceptionClassResolver.Found> found, ExceptionTypeRegistration[] all, int seen)
    {
        if (found.Count == 0 && seen <= _current.Seen)
        {
            return _current;
        }

        var duplicates = new List<nint>();
        Snapshot next;
        lock (_gate)
        {
            var current = _current;
            var factories = new Dictionary<nint, Func<PythonExceptionDetails, PythonInvocationException>>(current.Factories);
            var reloadNames = new Dictionary<string, int[]>(current.ReloadNames);
            var pending = new SortedSet<int>(current.Pending);
            for (int index = current.Seen; index < seen; index++)
            {
                pending.Add(index);
            }

            foreach (var (index, cls, reloadName) in found)
            {
                pending.Remove(index);
                if (cls == 0)
                {
                    continue;
                }

                // Already there: another thread resolved it first, or an earlier registration names the same class
                // (exported from two modules); the first registration keeps it.
                if (!factories.TryAdd(cls, all[index].Create))
                {
                    duplicates.Add(cls);
                    continue;
                }

                if (reloadName is not null)
                {
                    reloadNames[reloadName] = reloadNames.TryGetValue(reloadName, out var known) ? [.. known.Union([index])] : [index];
                }
            }

            next = new Snapshot(factories, reloadNames, [.. pending], Math.Max(current.Seen, seen));
            _current = next;
        }

        // The cache holds the same objects, so these releases never free anything (and never run Python code).
        foreach (nint cls in duplicates)
        {
            CPythonApi.Py_DecRef(cls);
        }

        return next;
    }
}
