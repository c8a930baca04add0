namespace CSnakes.Runtime.Native;

internal static unsafe partial class CPythonApi
{
    // Type objects and singletons (addresses of static objects inside libpython).
    public static nint PyNone;
    public static nint PyTrue;
    public static nint PyFalse;
    public static nint PyBoolType;
    public static nint PyLongType;
    public static nint PyFloatType;
    public static nint PyUnicodeType;
    public static nint PyBytesType;
    public static nint PyListType;
    public static nint PyTupleType;
    public static nint PyDictType;

    // Fast subclass checks: these tp_flags bits are stable across 3.x.
    public const ulong TpFlagsLongSubclass = 1UL << 24;
    public const ulong TpFlagsListSubclass = 1UL << 25;
    public const ulong TpFlagsTupleSubclass = 1UL << 26;
    public const ulong TpFlagsBytesSubclass = 1UL << 27;
    public const ulong TpFlagsUnicodeSubclass = 1UL << 28;
    public const ulong TpFlagsDictSubclass = 1UL << 29;

    public static delegate* unmanaged<long, nint> PyLong_FromLongLong;
    public static delegate* unmanaged<nint, int*, long> PyLong_AsLongLongAndOverflow;
    public static delegate* unmanaged<nint, double> PyLong_AsDouble;
    public static delegate* unmanaged<double, nint> PyFloat_FromDouble;
    public static delegate* unmanaged<nint, double> PyFloat_AsDouble;
    public static delegate* unmanaged<nint, nint*, nint> PyUnicode_AsUTF8AndSize;
    public static delegate* unmanaged<byte*, nint, byte*, int*, nint> PyUnicode_DecodeUTF16;
    public static delegate* unmanaged<byte*, nint> PyUnicode_FromString;
    public static delegate* unmanaged<nint, byte*, byte*, nint> PyUnicode_AsEncodedString;
    public static delegate* unmanaged<byte*, nint, nint> PyBytes_FromStringAndSize;
    public static delegate* unmanaged<nint, byte**, nint*, int> PyBytes_AsStringAndSize;
    public static delegate* unmanaged<nint, nint> PyList_New;
    public static delegate* unmanaged<nint, nint> PyList_Size;
    public static delegate* unmanaged<nint, nint, nint, int> PyList_SetItem;
    public static delegate* unmanaged<nint, nint, int> PyList_Append;
    public static delegate* unmanaged<nint, nint> PyTuple_New;
    public static delegate* unmanaged<nint, nint> PyTuple_Size;
    public static delegate* unmanaged<nint, nint, nint, int> PyTuple_SetItem;
    public static delegate* unmanaged<nint> PyDict_New;
    public static delegate* unmanaged<nint, nint> PyDict_Size;
    public static delegate* unmanaged<nint, nint, nint, int> PyDict_SetItem;
    public static delegate* unmanaged<nint, nint, nint, int> PyDict_SetItemString;
    public static delegate* unmanaged<nint, nint> PyMapping_Items;
    // No PyList_GetItem or PyTuple_GetItem here, and PyDict_Next is in CPythonApi.Containers.cs: borrowed
    // items go through ContainerItems, which hands out owned references for anything mutable.
    public static delegate* unmanaged<nint, int> PySequence_Check;
    public static delegate* unmanaged<nint, nint> PySequence_Size;
    public static delegate* unmanaged<nint, nint, nint> PySequence_GetItem;

    private static void LoadTypes()
    {
        PyNone = Require("_Py_NoneStruct");
        PyTrue = Require("_Py_TrueStruct");
        PyFalse = Require("_Py_FalseStruct");
        PyBoolType = Require("PyBool_Type");
        PyLongType = Require("PyLong_Type");
        PyFloatType = Require("PyFloat_Type");
        PyUnicodeType = Require("PyUnicode_Type");
        PyBytesType = Require("PyBytes_Type");
        PyListType = Require("PyList_Type");
        PyTupleType = Require("PyTuple_Type");
        PyDictType = Require("PyDict_Type");

        PyLong_FromLongLong = (delegate* unmanaged<long, nint>)Require("PyLong_FromLongLong");
        PyLong_AsLongLongAndOverflow = (delegate* unmanaged<nint, int*, long>)Require("PyLong_AsLongLongAndOverflow");
        PyLong_AsDouble = (delegate* unmanaged<nint, double>)Require("PyLong_AsDouble");
        PyFloat_FromDouble = (delegate* unmanaged<double, nint>)Require("PyFloat_FromDouble");
        PyFloat_AsDouble = (delegate* unmanaged<nint, double>)Require("PyFloat_AsDouble");
        PyUnicode_AsUTF8AndSize = (delegate* unmanaged<nint, nint*, nint>)Require("PyUnicode_AsUTF8AndSize");
        PyUnicode_DecodeUTF16 = (delegate* unmanaged<byte*, nint, byte*, int*, nint>)Require("PyUnicode_DecodeUTF16");
        PyUnicode_FromString = (delegate* unmanaged<byte*, nint>)Require("PyUnicode_FromString");
        PyUnicode_AsEncodedString = (delegate* unmanaged<nint, byte*, byte*, nint>)Require("PyUnicode_AsEncodedString");
        PyBytes_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)Require("PyBytes_FromStringAndSize");
        PyBytes_AsStringAndSize = (delegate* unmanaged<nint, byte**, nint*, int>)Require("PyBytes_AsStringAndSize");
        PyList_New = (delegate* unmanaged<nint, nint>)Require("PyList_New");
        PyList_Size = (delegate* unmanaged<nint, nint>)Require("PyList_Size");
        PyList_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Require("PyList_SetItem");
        PyList_Append = (delegate* unmanaged<nint, nint, int>)Require("PyList_Append");
        PyTuple_New = (delegate* unmanaged<nint, nint>)Require("PyTuple_New");
        PyTuple_Size = (delegate* unmanaged<nint, nint>)Require("PyTuple_Size");
        PyTuple_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Require("PyTuple_SetItem");
        PyDict_New = (delegate* unmanaged<nint>)Require("PyDict_New");
        PyDict_Size = (delegate* unmanaged<nint, nint>)Require("PyDict_Size");
        PyDict_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Require("PyDict_SetItem");
        PyDict_SetItemString = (delegate* unmanaged<nint, nint, nint, int>)Require("PyDict_SetItemString");
        PyMapping_Items = (delegate* unmanaged<nint, nint>)Require("PyMapping_Items");
        PySequence_Check = (delegate* unmanaged<nint, int>)Require("PySequence_Check");
        PySequence_Size = (delegate* unmanaged<nint, nint>)Require("PySequence_Size");
        PySequence_GetItem = (delegate* unmanaged<nint, nint, nint>)Require("PySequence_GetItem");
    }

    public static ulong TypeFlags(nint obj) => LeafTypeGetFlags(TypeOf(obj)).Value;

    public static bool IsLong(nint obj) => TypeOf(obj) == PyLongType || (TypeFlags(obj) & TpFlagsLongSubclass) != 0;
    public static bool IsList(nint obj) => TypeOf(obj) == PyListType || (TypeFlags(obj) & TpFlagsListSubclass) != 0;
    public static bool IsTuple(nint obj) => TypeOf(obj) == PyTupleType || (TypeFlags(obj) & TpFlagsTupleSubclass) != 0;
    public static bool IsBytes(nint obj) => TypeOf(obj) == PyBytesType || (TypeFlags(obj) & TpFlagsBytesSubclass) != 0;
    public static bool IsUnicode(nint obj) => TypeOf(obj) == PyUnicodeType || (TypeFlags(obj) & TpFlagsUnicodeSubclass) != 0;
    public static bool IsDict(nint obj) => TypeOf(obj) == PyDictType || (TypeFlags(obj) & TpFlagsDictSubclass) != 0;
    public static bool IsFloat(nint obj) => TypeOf(obj) == PyFloatType || PyType_IsSubtype(TypeOf(obj), PyFloatType) != 0;
    public static bool IsBool(nint obj) => TypeOf(obj) == PyBoolType;

    /// <summary>A new reference to <paramref name="obj"/> (<c>Py_NewRef</c>).</summary>
    public static nint NewRef(nint obj)
    {
        LeafIncRef(obj);
        return obj;
    }
}
