using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Tests.TestSupport;

namespace CSnakes.Runtime.Tests;

/// <summary>IPyBuffer over real numpy arrays (inconclusive where numpy is not importable: see <see cref="NumpyFixtures"/>).</summary>
[TestClass]
public sealed class BufferNumpyTests
{
    private static PyObject CallNumpy(string name, params PyObject[] args) => NumpyFixtures.Call(name, args);

    private static void CheckDtype<T>(string dtype, Func<long, T> expected) where T : unmanaged
    {
        using var name = PyObject.From(dtype);
        using var array = CallNumpy("array_of", name);
        using var buffer = BufferConverter.Instance.FromPython(array);
        Assert.AreEqual(typeof(T), buffer.ItemType, $"dtype {dtype} (format '{buffer.Format}')");
        var span = buffer.AsReadOnlySpan<T>();
        Assert.AreEqual(6, span.Length);
        for (int i = 0; i < 6; i++)
        {
            Assert.AreEqual(expected(i), span[i], $"dtype {dtype} item {i}");
        }
    }

    [TestMethod]
    public void EveryNumericDtypeMapsToItsDotNetType()
    {
        CheckDtype("int8", i => (sbyte)i);
        CheckDtype("uint8", i => (byte)i);
        CheckDtype("int16", i => (short)i);
        CheckDtype("uint16", i => (ushort)i);
        CheckDtype("int32", i => (int)i);
        CheckDtype("uint32", i => (uint)i);
        CheckDtype("int64", i => i);
        CheckDtype("uint64", i => (ulong)i);
        CheckDtype("float16", i => (Half)i);
        CheckDtype("float32", i => (float)i);
        CheckDtype("float64", i => (double)i);
    }

    [TestMethod]
    public void BoolArraysAreBoolSpans()
    {
        using var array = CallNumpy("bools");
        using var buffer = BufferConverter.Instance.FromPython(array);
        CollectionAssert.AreEqual(new[] { true, false, true }, buffer.AsReadOnlySpan<bool>().ToArray());
    }

    [TestMethod]
    public void WritesThroughTheSpanAreSeenByNumpy()
    {
        using var name = PyObject.From("float64");
        using var array = CallNumpy("array_of", name);
        using (var buffer = BufferConverter.Instance.FromPython(array))
        {
            buffer.AsSpan<double>()[4] = -2.5;
        }

        using var index = PyObject.From(4L);
        using var seen = CallNumpy("read", name, index);
        Assert.AreEqual(-2.5, seen.As<double>());
    }

    [TestMethod]
    public void TwoDimensionalArraysGiveRowMajorViews()
    {
        using var array = CallNumpy("matrix");
        using var buffer = BufferConverter.Instance.FromPython(array);
        CollectionAssert.AreEqual(new long[] { 3, 4 }, buffer.Shape.ToArray());
        var view = buffer.AsSpan2D<double>();
        Assert.AreEqual(7.0, view[1, 3]);
        view[2, 1] = 99;
        using var row = PyObject.From(2L);
        using var col = PyObject.From(1L);
        using var seen = CallNumpy("matrix_item", row, col);
        Assert.AreEqual(99.0, seen.As<double>());
    }

    [TestMethod]
    public void SlicedAndFortranOrderedArraysAreRefusedClearly()
    {
        using var sliced = CallNumpy("column_slice");
        using var slicedBuffer = BufferConverter.Instance.FromPython(sliced);
        Assert.IsFalse(slicedBuffer.IsContiguous);
        Assert.ThrowsExactly<InvalidOperationException>(() => slicedBuffer.AsReadOnlySpan<int>().Length);

        using var fortran = CallNumpy("fortran");
        using var fortranBuffer = BufferConverter.Instance.FromPython(fortran);
        Assert.IsFalse(fortranBuffer.IsContiguous);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => fortranBuffer.AsReadOnlySpan2D<long>().Rows);
        StringAssert.Contains(e.Message, "not contiguous");
    }

    [TestMethod]
    public void ReadOnlyAndForeignByteOrderArrays()
    {
        using var readOnly = CallNumpy("read_only");
        using var readOnlyBuffer = BufferConverter.Instance.FromPython(readOnly);
        Assert.IsTrue(readOnlyBuffer.IsReadOnly);
        CollectionAssert.AreEqual(new[] { 0f, 1f, 2f }, readOnlyBuffer.AsReadOnlySpan<float>().ToArray());
        Assert.ThrowsExactly<InvalidOperationException>(() => readOnlyBuffer.AsSpan<float>().Length);

        using var bigEndian = CallNumpy("big_endian");
        using var bigEndianBuffer = BufferConverter.Instance.FromPython(bigEndian);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => bigEndianBuffer.AsReadOnlySpan<int>().Length);
        StringAssert.Contains(e.Message, "byte order");
    }
}
