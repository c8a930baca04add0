using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

[TestClass]
public sealed class BufferTests
{
    private static PyObject Module => Env.Import("buffer_fixtures");

    private static PyObject CallBuffers(string name, params PyObject[] args)
    {
        using var module = Module;
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    private static IPyBuffer Buffer(string name, params PyObject[] args)
    {
        using var obj = CallBuffers(name, args);
        return BufferConverter.Instance.FromPython(obj);
    }

    [TestMethod]
    public void DoubleArrayIsViewedWithoutCopyAndWritesAreSeenByPython()
    {
        using var n = PyObject.From(5L);
        using var buffer = Buffer("doubles", n);
        Assert.AreEqual("d", buffer.Format);
        Assert.AreEqual(typeof(double), buffer.ItemType);
        Assert.AreEqual(8L, buffer.ItemSize);
        Assert.AreEqual(40L, buffer.Length);
        Assert.AreEqual(1, buffer.Dimensions);
        Assert.IsFalse(buffer.IsReadOnly);
        CollectionAssert.AreEqual(new[] { 0.0, 1.0, 2.0, 3.0, 4.0 }, buffer.AsReadOnlySpan<double>().ToArray());

        buffer.AsSpan<double>()[3] = 42.5;
        using var index = PyObject.From(3L);
        using var seen = CallBuffers("read_double", index);
        Assert.AreEqual(42.5, seen.As<double>());
    }

    [TestMethod]
    public void BytearrayWritesAreSeenByPython()
    {
        using var buffer = Buffer("writable_bytes");
        Assert.AreEqual(typeof(byte), buffer.ItemType);
        buffer.AsSpan<byte>()[0] = (byte)'X';
        using var value = CallBuffers("bytearray_value");
        CollectionAssert.AreEqual("Xbc"u8.ToArray(), value.As<byte[]>());
    }

    [TestMethod]
    public void IntegerFormatsMapToTheirDotNetTypes()
    {
        using (var ints = Buffer("int32s"))
        {
            CollectionAssert.AreEqual(new[] { 1, -2, 3 }, ints.AsReadOnlySpan<int>().ToArray());
        }

        using var longs = Buffer("int64s");
        Assert.AreEqual(typeof(long), longs.ItemType);
        CollectionAssert.AreEqual(new[] { 1L << 40, -1L }, longs.AsReadOnlySpan<long>().ToArray());
    }

    [TestMethod]
    public void WrongElementTypeIsAClearError()
    {
        using var buffer = Buffer("int32s");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => buffer.AsReadOnlySpan<double>().Length);
        StringAssert.Contains(e.Message, "'i'");
        StringAssert.Contains(e.Message, "Double");
    }

    [TestMethod]
    public void ReadOnlyBufferRefusesWritableSpans()
    {
        using var buffer = Buffer("readonly_bytes");
        Assert.IsTrue(buffer.IsReadOnly);
        Assert.AreEqual("immutable", System.Text.Encoding.ASCII.GetString(buffer.AsReadOnlySpan<byte>()));
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsSpan<byte>().Length);
        StringAssert.Contains(e.Message, "read-only");
    }

    [TestMethod]
    public void TwoDimensionalViews()
    {
        using var buffer = Buffer("matrix");
        Assert.AreEqual(2, buffer.Dimensions);
        CollectionAssert.AreEqual(new long[] { 2, 3 }, buffer.Shape.ToArray());
        CollectionAssert.AreEqual(new long[] { 12, 4 }, buffer.Strides.ToArray());
        var view = buffer.AsReadOnlySpan2D<int>();
        Assert.AreEqual(2, view.Rows);
        Assert.AreEqual(3, view.Columns);
        Assert.AreEqual(6, view[1, 2]);
        CollectionAssert.AreEqual(new[] { 4, 5, 6 }, view.GetRow(1).ToArray());
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => buffer.AsReadOnlySpan2D<int>()[2, 0]);

        buffer.AsSpan2D<int>()[0, 1] = 20;
        using var row = PyObject.From(0L);
        using var col = PyObject.From(1L);
        using var seen = CallBuffers("matrix_item", row, col);
        Assert.AreEqual(20L, seen.As<long>());

        using var flat = Buffer("int32s");
        Assert.ThrowsExactly<InvalidOperationException>(() => flat.AsReadOnlySpan2D<int>().Rows);
    }

    [TestMethod]
    public void NonContiguousBufferIsAClearError()
    {
        using var buffer = Buffer("strided");
        Assert.IsFalse(buffer.IsContiguous);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsReadOnlySpan<byte>().Length);
        StringAssert.Contains(e.Message, "not contiguous");
    }

    [TestMethod]
    public void NonBufferIsAnInvalidCast()
    {
        using var obj = CallBuffers("not_a_buffer");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => BufferConverter.Instance.FromPython(obj));
        StringAssert.Contains(e.Message, "'str'");
    }

    [TestMethod]
    public void ReleasedExactlyOnceAndUnusableAfterwards()
    {
        using var obj = CallBuffers("writable_bytes");
        var buffer = BufferConverter.Instance.FromPython(obj);
        // While exported, a bytearray cannot be resized: proves the buffer is held.
        using var append = obj.GetAttr("append");
        using var item = PyObject.From(1L);
        Assert.AreEqual("BufferError", Assert.Throws<PythonInvocationException>(() => append.Call([item])).PythonTypeName);
        buffer.Dispose();
        buffer.Dispose();
        append.Call([item]).Dispose(); // released: resizing works again
        Assert.ThrowsExactly<ObjectDisposedException>(() => buffer.AsReadOnlySpan<byte>().Length);
    }

    [TestMethod]
    public void PassingABufferBackPassesTheExporter()
    {
        using var obj = CallBuffers("writable_bytes");
        using var buffer = BufferConverter.Instance.FromPython(obj);
        using var back = BufferConverter.Instance.ToPython(buffer);
        Assert.IsTrue(back.Is(obj));
    }

    [TestMethod]
    public void HundredMegabytesAreViewedInPlace()
    {
        using var size = PyObject.From(100L);
        using var buffer = Buffer("big_buffer", size);
        var span = buffer.AsReadOnlySpan<byte>();
        Assert.AreEqual(100 * 1024 * 1024, span.Length);
        Assert.AreEqual((byte)7, span[^1]);
    }
}
