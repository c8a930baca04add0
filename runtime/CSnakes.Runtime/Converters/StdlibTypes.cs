using CSnakes.Runtime.Interpreter;
using CSnakes.Runtime.Native;

namespace CSnakes.Runtime.Converters;

/// <summary>
/// Python standard-library types the converters build and recognise (<c>datetime</c>, <c>decimal</c>,
/// <c>uuid</c>), imported on first use and kept for the life of each interpreter (a sub-interpreter has classes of
/// its own). The caller holds the GIL.
/// </summary>
internal static unsafe class StdlibTypes
{
    private static readonly InterpreterLocal s_datetime = new(), s_date = new(), s_time = new(), s_timedelta = new(),
        s_timezone = new(), s_utc = new(), s_decimal = new(), s_uuid = new();

    public static nint DateTime => Load(ref s_datetime.Value, "datetime", "datetime");
    public static nint Date => Load(ref s_date.Value, "datetime", "date");
    public static nint Time => Load(ref s_time.Value, "datetime", "time");
    public static nint TimeDelta => Load(ref s_timedelta.Value, "datetime", "timedelta");
    public static nint TimeZone => Load(ref s_timezone.Value, "datetime", "timezone");
    public static nint Utc
    {
        get
        {
            ref nint utc = ref s_utc.Value;
            return utc != 0 ? utc : (utc = GetAttr(TimeZone, "utc"));
        }
    }
    public static nint Decimal => Load(ref s_decimal.Value, "decimal", "Decimal");
    public static nint Uuid => Load(ref s_uuid.Value, "uuid", "UUID");

    /// <summary><c>isinstance(obj, type)</c>.</summary>
    public static bool IsInstance(nint obj, nint type)
    {
        int result = CPythonApi.PyObject_IsInstance(obj, type);
        return result >= 0 ? result == 1 : throw ConversionErrors.Pending();
    }

    /// <summary>An integer attribute such as <c>year</c>.</summary>
    public static long GetInt(nint obj, string name)
    {
        nint value = GetAttr(obj, name);
        try
        {
            return IntConverter.Instance.FromPythonHandle(value);
        }
        finally
        {
            CPythonApi.Py_DecRef(value);
        }
    }

    /// <summary>A new reference to <c>obj.name</c>.</summary>
    public static nint GetAttr(nint obj, string name)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* p = utf8)
        {
            nint value = CPythonApi.PyObject_GetAttrString(obj, (nint)p);
            return value != 0 ? value : throw ConversionErrors.Pending();
        }
    }

    /// <summary>Calls <paramref name="callable"/> with int arguments (and an optional trailing object, borrowed).</summary>
    public static nint CallWithInts(nint callable, ReadOnlySpan<long> ints, nint extra = 0)
    {
        int count = ints.Length + (extra != 0 ? 1 : 0);
        nint* args = stackalloc nint[count + 1];
        int created = 0;
        try
        {
            for (; created < ints.Length; created++)
            {
                args[created + 1] = IntConverter.Instance.ToPythonHandle(ints[created]);
            }

            if (extra != 0)
            {
                args[count] = extra;
            }

            nint result = CPythonApi.PyObject_VectorcallDict(callable, args + 1, (nuint)count, 0);
            return result != 0 ? result : throw ConversionErrors.Pending();
        }
        finally
        {
            for (int i = 0; i < created; i++)
            {
                CPythonApi.Py_DecRef(args[i + 1]);
            }
        }
    }

    /// <summary>Calls <paramref name="callable"/> with one str argument.</summary>
    public static nint CallWithString(nint callable, string text)
    {
        nint arg = StrConverter.NewPyString(text);
        try
        {
            nint* args = stackalloc nint[2];
            args[1] = arg;
            nint result = CPythonApi.PyObject_VectorcallDict(callable, args + 1, 1, 0);
            return result != 0 ? result : throw ConversionErrors.Pending();
        }
        finally
        {
            CPythonApi.Py_DecRef(arg);
        }
    }

    /// <summary><c>str(obj)</c>.</summary>
    public static string Str(nint obj) => StrConverter.FromOwnedHandle(CPythonApi.PyObject_Str(obj));

    /// <summary>
    /// <c>module.name</c>, looked up once into <paramref name="cache"/> and kept for the interpreter's lifetime; pass
    /// an <see cref="InterpreterLocal"/>'s value, so each interpreter looks up its own.
    /// </summary>
    public static nint Load(ref nint cache, string module, string name)
    {
        if (cache != 0)
        {
            return cache;
        }

        nint imported = CPythonApi.ImportModule(module);
        if (imported == 0)
        {
            throw ConversionErrors.Pending();
        }

        try
        {
            // Released by finalization (the main interpreter) or before the sub-interpreter ends.
            return cache = GetAttr(imported, name);
        }
        finally
        {
            CPythonApi.Py_DecRef(imported);
        }
    }
}
