using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime;

public sealed partial class PyObject : IEquatable<PyObject>
{
    /// <summary>Python comparison operators, as <c>PyObject_RichCompare</c> numbers them.</summary>
    public enum ComparisonOperator
    {
        /// <summary><c>&lt;</c></summary>
        LessThan = 0,
        /// <summary><c>&lt;=</c></summary>
        LessThanOrEqual = 1,
        /// <summary><c>==</c></summary>
        Equal = 2,
        /// <summary><c>!=</c></summary>
        NotEqual = 3,
        /// <summary><c>&gt;</c></summary>
        GreaterThan = 4,
        /// <summary><c>&gt;=</c></summary>
        GreaterThanOrEqual = 5,
    }

    /// <summary><c>obj[key]</c>.</summary>
    public unsafe PyObject GetItem(PyObject key)
    {
        using (GIL.Acquire())
        {
            return Steal(CPythonApi.PyObject_GetItem(Handle, key.Handle));
        }
    }

    /// <summary><c>obj[key] = value</c>.</summary>
    public unsafe void SetItem(PyObject key, PyObject value)
    {
        using (GIL.Acquire())
        {
            if (CPythonApi.PyObject_SetItem(Handle, key.Handle, value.Handle) != 0)
            {
                throw PythonErrors.FetchAndTranslate();
            }
        }
    }

    /// <summary><c>len(obj)</c>.</summary>
    public unsafe long Length()
    {
        using (GIL.Acquire())
        {
            nint length = CPythonApi.PyObject_Length(Handle);
            return length >= 0 ? length : throw PythonErrors.FetchAndTranslate();
        }
    }

    /// <summary>Iterates the object (<c>iter(obj)</c>), taking the GIL for each step, not in between.</summary>
    public IEnumerable<PyObject> AsEnumerable()
    {
        PyObject iterator;
        unsafe
        {
            using (GIL.Acquire())
            {
                iterator = Steal(CPythonApi.PyObject_GetIter(Handle));
            }
        }

        using (iterator)
        {
            while (true)
            {
                PyObject? item = NextItem(iterator);
                if (item is null)
                {
                    yield break;
                }

                yield return item;
            }
        }
    }

    /// <summary>
    /// Iterates the object (<c>iter(obj)</c>) converting each item to <typeparamref name="T"/> (the converter is found
    /// by type, as <see cref="As{T}()"/> does). Lazy: one item is converted per step, and the GIL is taken per step.
    /// </summary>
    /// <exception cref="InvalidCastException">An item is not a <typeparamref name="T"/>.</exception>
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode(Converters.ConverterRegistry.DynamicCodeMessage)]
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode(Converters.ConverterRegistry.UnreferencedCodeMessage)]
    public IEnumerable<T> AsEnumerable<T>() => AsEnumerable(Converters.ConverterRegistry.Get<T>());

    /// <summary>Iterates the object converting each item with <paramref name="converter"/> (the AOT-safe form of <see cref="AsEnumerable{T}()"/>).</summary>
    public IEnumerable<T> AsEnumerable<T>(Converters.PyConverter<T> converter)
    {
        ArgumentNullException.ThrowIfNull(converter);
        foreach (var item in AsEnumerable())
        {
            using (item)
            {
                yield return converter.FromPython(item);
            }
        }
    }

    private static unsafe PyObject? NextItem(PyObject iterator)
    {
        using (GIL.Acquire())
        {
            nint next = CPythonApi.PyIter_Next(iterator.Handle);
            if (next != 0)
            {
                return new PyObject(next);
            }

            return CPythonApi.PyErr_Occurred() != 0 ? throw PythonErrors.FetchAndTranslate() : null;
        }
    }

    /// <summary>Compares with a Python operator (<c>obj &lt; other</c>, …) and returns Python's truth value.</summary>
    public unsafe bool Compare(PyObject other, ComparisonOperator op)
    {
        using (GIL.Acquire())
        {
            int result = CPythonApi.PyObject_RichCompareBool(Handle, other.Handle, (int)op);
            return result >= 0 ? result == 1 : throw PythonErrors.FetchAndTranslate();
        }
    }

    /// <summary>Python equality (<c>==</c>).</summary>
    public bool Equals(PyObject? other) => other is not null && (ReferenceEquals(this, other) || Compare(other, ComparisonOperator.Equal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PyObject other && Equals(other);

    /// <summary><c>hash(obj)</c>, truncated to 32 bits. Unhashable objects raise <see cref="PythonInvocationException"/>.</summary>
    public override int GetHashCode() => PythonHash().GetHashCode();

    /// <summary><c>hash(obj)</c>.</summary>
    public unsafe long PythonHash()
    {
        using (GIL.Acquire())
        {
            nint hash = CPythonApi.PyObject_Hash(Handle);
            return hash != -1 || CPythonApi.PyErr_Occurred() == 0 ? hash : throw PythonErrors.FetchAndTranslate();
        }
    }

    /// <summary><c>bool(obj)</c>.</summary>
    public unsafe bool IsTruthy()
    {
        using (GIL.Acquire())
        {
            int result = CPythonApi.PyObject_IsTrue(Handle);
            return result >= 0 ? result == 1 : throw PythonErrors.FetchAndTranslate();
        }
    }

    /// <summary><c>str(obj)</c>.</summary>
    public override unsafe string ToString()
    {
        if (_handle == 0)
        {
            return "<disposed PyObject>";
        }

        using (GIL.Acquire())
        {
            nint str = CPythonApi.PyObject_Str(Handle);
            return StrConverter.FromOwnedHandle(str);
        }
    }

    /// <summary><c>repr(obj)</c>.</summary>
    public unsafe string Repr()
    {
        using (GIL.Acquire())
        {
            nint repr = CPythonApi.PyObject_Repr(Handle);
            return StrConverter.FromOwnedHandle(repr);
        }
    }

    /// <summary>The Python type's qualified name, e.g. <c>int</c> or <c>collections.OrderedDict</c>.</summary>
    public string GetPythonTypeName()
    {
        using (GIL.Acquire())
        {
            return PythonTypeNames.Of(Handle);
        }
    }

    /// <summary>Python identity (<c>a is b</c>).</summary>
    public bool Is(PyObject other) => Handle == other.Handle;
}
