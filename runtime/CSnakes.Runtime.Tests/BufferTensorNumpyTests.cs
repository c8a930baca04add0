using System.Numerics.Tensors;
using CSnakes.Runtime.Converters;
using CSnakes.Runtime.Tests.TestSupport;

namespace CSnakes.Runtime.Tests;

/// <summary>
/// IPyBuffer's TensorSpan views over numpy layouts the stdlib cannot make: Fortran order, permuted axes,
/// broadcasting, overlapping windows and packed records (inconclusive where numpy is not importable).
/// </summary>
[TestClass]
public sealed class BufferTensorNumpyTests
{
    private static IPyBuffer Buffer(string name)
    {
        using var array = NumpyFixtures.Call(name);
        return BufferConverter.Instance.FromPython(array);
    }

    [TestMethod]
    public void FortranOrderIsViewedInPlaceAndWritesAreSeenByNumpy()
    {
        using var buffer = Buffer("fortran_writable");
        var view = buffer.AsTensorSpan<long>();
        CollectionAssert.AreEqual(new nint[] { 2, 3 }, view.Lengths.ToArray());
        CollectionAssert.AreEqual(new nint[] { 1, 2 }, view.Strides.ToArray());
        Assert.AreEqual(5L, view[[1, 2]]);
        Assert.AreEqual(3L, view[[1, 0]]);

        view[[0, 2]] = 77;
        using var row = PyObject.From(0L);
        using var col = PyObject.From(2L);
        using var seen = NumpyFixtures.Call("fortran_item", row, col);
        Assert.AreEqual(77L, seen.As<long>());
    }

    [TestMethod]
    public void PermutedAxesAndColumnSlicesKeepTheirStrides()
    {
        using var cube = Buffer("permuted_cube");
        var view = cube.AsReadOnlyTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 4, 2, 3 }, view.Lengths.ToArray());
        for (int k = 0; k < 4; k++)
        {
            for (int i = 0; i < 2; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    Assert.AreEqual((12 * i) + (4 * j) + k, view[[k, i, j]], $"[{k}, {i}, {j}]");
                }
            }
        }

        using var columns = Buffer("column_slice");
        var sliced = columns.AsReadOnlyTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 3, 2 }, sliced.Lengths.ToArray());
        CollectionAssert.AreEqual(new nint[] { 4, 2 }, sliced.Strides.ToArray());
        Assert.AreEqual(10, sliced[[2, 1]]);
    }

    [TestMethod]
    public void LengthOneAndEmptyDimensionsIgnoreTheirStrides()
    {
        using var row = Buffer("one_row");
        CollectionAssert.AreEqual(new long[] { 16, 4 }, row.Strides.ToArray());
        var rowView = row.AsReadOnlyTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 1, 4 }, rowView.Lengths.ToArray());
        Assert.AreEqual(7, rowView[[0, 3]]);

        using var empty = Buffer("empty_matrix");
        var emptyView = empty.AsTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 0, 3 }, emptyView.Lengths.ToArray());
        Assert.AreEqual(0, emptyView.FlattenedLength);
    }

    [TestMethod]
    public void BroadcastRowsShareMemoryThroughAZeroStride()
    {
        using var buffer = Buffer("broadcast_rows");
        Assert.IsTrue(buffer.IsReadOnly);
        var view = buffer.AsReadOnlyTensorSpan<int>();
        CollectionAssert.AreEqual(new nint[] { 4, 3 }, view.Lengths.ToArray());
        CollectionAssert.AreEqual(new nint[] { 0, 1 }, view.Strides.ToArray());
        Assert.AreEqual(2, view[[3, 2]]);
        Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsTensorSpan<int>().Rank);
    }

    [TestMethod]
    public void OverlappingWindowsAreRefusedClearly()
    {
        using var buffer = Buffer("sliding_windows");
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsReadOnlyTensorSpan<long>().Rank);
        StringAssert.Contains(e.Message, "overlap");
        Assert.IsInstanceOfType<ArgumentException>(e.InnerException);
    }

    [TestMethod]
    public void StridesThatAreNotWholeItemsAreRefused()
    {
        using var buffer = Buffer("packed_field");
        Assert.AreEqual(typeof(int), buffer.ItemType);
        CollectionAssert.AreEqual(new long[] { 5 }, buffer.Strides.ToArray());
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => buffer.AsReadOnlyTensorSpan<int>().Rank);
        StringAssert.Contains(e.Message, "not whole items");
    }
}
