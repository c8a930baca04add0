using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

/// <summary>
/// Finds the Python class objects that registrations name (<see cref="PythonExceptionTypes.Register"/>), in the
/// modules already in <c>sys.modules</c> of the current interpreter. Never imports, never throws a Python error: a
/// failed lookup is cleared and the registration is tried again later. The caller holds the GIL.
/// </summary>
/// <remarks>Raw C API on purpose: <see cref="PyObject"/> turns a failure into a translated exception, which would come back here.</remarks>
internal static unsafe class ExceptionClassResolver
{
    /// <summary>The outcome for one registration.</summary>
    /// <param name="Index">The registration's index in <see cref="PythonExceptionTypes.All"/>.</param>
    /// <param name="Class">Its class (an owned reference), or 0 when it names something that is not an exception class.</param>
    /// <param name="ReloadName">The class's <c>module.qualname</c> when a reload can make it again (a class statement), else null.</param>
    internal readonly record struct Found(int Index, nint Class, string? ReloadName);

    /// <summary>
    /// Looks up the registrations at <paramref name="indices"/> of <paramref name="all"/>. Those whose module is not
    /// imported, or lacks the attribute (for now: it may still be importing), have no outcome and stay pending.
    /// </summary>
    public static List<Found> Resolve(ExceptionTypeRegistration[] all, IEnumerable<int> indices)
    {
        var found = new List<Found>();
        try
        {
            foreach (var module in indices.GroupBy(i => all[i].Module))
            {
                nint moduleObject = ImportedModule(module.Key);
                if (moduleObject == 0)
                {
                    continue;
                }

                try
                {
                    foreach (int index in module)
                    {
                        nint cls = AttributePath(moduleObject, all[index].Name);
                        if (cls == 0)
                        {
                            continue;
                        }

                        if (!IsExceptionClass(cls))
                        {
                            // A registration mistake, not a race: drop it rather than look it up on every exception.
                            CPythonApi.Py_DecRef(cls);
                            found.Add(new Found(index, 0, null));
                            continue;
                        }

                        found.Add(new Found(index, cls, ReloadName(cls)));
                    }
                }
                finally
                {
                    CPythonApi.Py_DecRef(moduleObject);
                }
            }
        }
        catch (Exception)
        {
            foreach (var f in found)
            {
                CPythonApi.Py_DecRef(f.Class);
            }

            throw;
        }

        return found;
    }

    /// <summary>A class a module reload may have replaced: one a <c>class</c> statement made (static built-in types never change).</summary>
    public static bool IsHeapType(nint cls) => (CPythonApi.LeafTypeGetFlags(cls).Value & CPythonApi.TpFlagsHeapType) != 0;

    /// <summary><c>module.qualname</c> of a class a reload can make again, else null (also when the names cannot be read).</summary>
    private static string? ReloadName(nint cls)
    {
        if (!IsHeapType(cls))
        {
            return null;
        }

        try
        {
            return PythonTypeNames.OfType(cls);
        }
        catch (Exception)
        {
            // Only reloads lose by this: the class itself is still mapped.
            CPythonApi.PyErr_Clear();
            return null;
        }
    }

    private static bool IsExceptionClass(nint obj) =>
        (CPythonApi.TypeFlags(obj) & CPythonApi.TpFlagsTypeSubclass) != 0
        && (CPythonApi.LeafTypeGetFlags(obj).Value & CPythonApi.TpFlagsBaseExceptionSubclass) != 0;

    /// <summary><c>sys.modules[name]</c> as an owned reference, or 0 when it is not imported.</summary>
    private static nint ImportedModule(string name)
    {
        nint modules;
        fixed (byte* p = "modules\0"u8)
        {
            modules = CPythonApi.PySys_GetObject(p);
        }

        if (modules == 0 || !CPythonApi.IsDict(modules))
        {
            return 0;
        }

        byte[] key = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = key)
        {
            // The lookup creates the key object, so it can run the GC: hold sys.modules while it does.
            nint held = CPythonApi.NewRef(modules);
            try
            {
                nint module = CPythonApi.PyDict_GetItemString(held, p);
                return module == 0 ? 0 : CPythonApi.NewRef(module);
            }
            finally
            {
                CPythonApi.Py_DecRef(held);
            }
        }
    }

    /// <summary><c>getattr</c> along a dotted path as an owned reference, or 0 (the error cleared).</summary>
    private static nint AttributePath(nint module, string path)
    {
        nint current = CPythonApi.NewRef(module);
        foreach (string part in path.Split('.'))
        {
            byte[] name = System.Text.Encoding.UTF8.GetBytes(part + "\0");
            nint next;
            fixed (byte* p = name)
            {
                next = CPythonApi.PyObject_GetAttrString(current, (nint)p);
            }

            CPythonApi.Py_DecRef(current);
            if (next == 0)
            {
                CPythonApi.PyErr_Clear();
                return 0;
            }

            current = next;
        }

        return current;
    }
}
