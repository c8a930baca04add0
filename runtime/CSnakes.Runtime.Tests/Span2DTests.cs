namespace CSnakes.Runtime.Tests;

/// <summary>The shape rules of the 2-D views over a buffer's items (no Python needed).</summary>
[TestClass]
public sealed class Span2DTests
{
    [TestMethod]
    public void ItemsMustFillTheShapeExactly()
    {
        var items = new int[6];
        Assert.ThrowsExactly<ArgumentException>(() => new Span2D<int>(items, 2, 4));
        Assert.ThrowsExactly<ArgumentException>(() => new ReadOnlySpan2D<int>(items, 4, 2));
        // -2 × -3 is 6 too, but no shape.
        Assert.ThrowsExactly<ArgumentException>(() => new Span2D<int>(items, -2, -3));
        Assert.ThrowsExactly<ArgumentException>(() => new ReadOnlySpan2D<int>(items, -3, -2));
    }

    [TestMethod]
    public void IndexesOutsideTheShapeAreRefusedAndRowsAreRowMajor()
    {
        var items = new[] { 1, 2, 3, 4, 5, 6 };
        var writable = new Span2D<int>(items, 2, 3);
        writable[1, 0] = 40;
        Assert.AreEqual(40, items[3]);
        var view = new ReadOnlySpan2D<int>(items, 2, 3);
        Assert.AreEqual(6, view[1, 2]);
        CollectionAssert.AreEqual(new[] { 40, 5, 6 }, view.GetRow(1).ToArray());
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => new ReadOnlySpan2D<int>(items, 2, 3)[0, 3]);
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => new Span2D<int>(items, 2, 3)[2, 0]);
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => new Span2D<int>(items, 2, 3)[-1, 0]);
    }
}
