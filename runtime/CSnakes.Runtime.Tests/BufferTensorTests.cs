using System.Numerics.Tensors;
using CSnakes.Runtime.Converters;
using static CSnakes.Runtime.Tests.TestSupport.TestPython;

namespace CSnakes.Runtime.Tests;

/// <summary>IPyBuffer's TensorSpan views (net10.0) over stdlib buffers: array.array and memoryview.</summary>
[TestClass]
public sealed class BufferTensorTests
{
    private static PyObject Call(string name, params PyObject[] args)
    {
        using var module = Env.Import("buffer_fixtures");
        using var function = module.GetAttr(name);
        return function.Call(args);
    }

    private static IPyBuffer Buffer(string name)
    {
        using var obj = Call(name);
        return BufferConverter.Instance.FromPython(obj);
    }

    [TestMethod]
    public void ContiguousMatrixIsATwoDimensionalTensor()
    {
        using var buffer = Buffer("matrix");
        var view = buffer.AsReadOnlyTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 2, 3 }, view.Lengths.ToArray());
        CollectionAssert.AreEqual(new nint[] { 3, 1 }, view.Strides.ToArray());
        Assert.IsTrue(view.IsDense);
        Assert.AreEqual(2, view[[0, 1]]);
        Assert.AreEqual(6, view[[1, 2]]);
    }

    [TestMethod]
    public void ContiguousCubeIsViewedInPlaceAndWritesAreSeenByPython()
    {
        using var buffer = Buffer("cube");
        var view = buffer.AsTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 2, 3, 4 }, view.Lengths.ToArray());
        CollectionAssert.AreEqual(new nint[] { 12, 4, 1 }, view.Strides.ToArray());
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                for (int k = 0; k < 4; k++)
                {
                    Assert.AreEqual((12 * i) + (4 * j) + k, view[[i, j, k]], $"[{i}, {j}, {k}]");
                }
            }
        }

        view[[1, 2, 3]] = -5;
        using var i1 = PyObject.From(1L);
        using var j2 = PyObject.From(2L);
        using var k3 = PyObject.From(3L);
        using var seen = Call("cube_item", i1, j2, k3);
        Assert.AreEqual(-5L, seen.As<long>());
    }

    [TestMethod]
    public void SteppedMemoryviewKeepsItsStrideInItems()
    {
        using var buffer = Buffer("every_third");
        Assert.IsFalse(buffer.IsContiguous);
        var view = buffer.AsTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 3 }, view.Lengths.ToArray());
        CollectionAssert.AreEqual(new nint[] { 3 }, view.Strides.ToArray());
        Assert.AreEqual(1, view[[0]]);
        Assert.AreEqual(4, view[[1]]);
        Assert.AreEqual(7, view[[2]]);

        view[[1]] = 40;
        using var source = Call("every_third_source");
        CollectionAssert.AreEqual(new long[] { 0, 1, 2, 3, 40, 5, 6, 7, 8, 9 }, source.As<IReadOnlyList<long>>().ToArray());
    }

    [TestMethod]
    public void ReadOnlyBufferRefusesTheWritableTensor()
    {
        using var buffer = Buffer("readonly_bytes");
        var view = buffer.AsReadOnlyTensorSpan<byte>();
        Assert.AreEqual(9, view.FlattenedLength);
        Assert.AreEqual((byte)'i', view[[0]]);
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsTensorSpan<byte>().Rank);
        StringAssert.Contains(e.Message, "read-only");
        StringAssert.Contains(e.Message, "AsReadOnlyTensorSpan<Byte>()");
    }

    [TestMethod]
    public void WrongElementTypeIsRefused()
    {
        using var buffer = Buffer("int32s");
        var e = Assert.ThrowsExactly<InvalidCastException>(() => buffer.AsReadOnlyTensorSpan<double>().Rank);
        StringAssert.Contains(e.Message, "'i'");
        Assert.ThrowsExactly<InvalidCastException>(() => buffer.AsTensorSpan<long>().Rank);
    }

    [TestMethod]
    public void NegativeStridesAreRefused()
    {
        using var buffer = Buffer("reversed_ints");
        CollectionAssert.AreEqual(new long[] { -4 }, buffer.Strides.ToArray());
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsReadOnlyTensorSpan<int>().Rank);
        StringAssert.Contains(e.Message, "negative strides");
    }

    [TestMethod]
    public void ZeroDimensionalBufferIsOneItem()
    {
        using var buffer = Buffer("scalar_double");
        Assert.AreEqual(0, buffer.Dimensions);
        var view = buffer.AsReadOnlyTensorSpan<double>();
        CollectionAssert.AreEqual(new nint[] { 1 }, view.Lengths.ToArray());
        Assert.AreEqual(2.5, view[[0]]);
    }

    [TestMethod]
    public void DisposedBufferRefusesTensors()
    {
        var buffer = Buffer("matrix");
        buffer.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => buffer.AsReadOnlyTensorSpan<int>().Rank);
        Assert.ThrowsExactly<ObjectDisposedException>(() => buffer.AsTensorSpan<int>().Rank);
    }
}
