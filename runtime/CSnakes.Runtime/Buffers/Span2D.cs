namespace CSnakes.Runtime;

/// <summary>A row-major two-dimensional view over contiguous memory (writable).</summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly ref struct Span2D<T>
{
    private readonly Span<T> _items;

    /// <summary>Wraps <paramref name="items"/> as <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public Span2D(Span<T> items, int rows, int columns)
    {
        Shape2D.Check(rows, columns, items.Length);
        _items = items;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>The item at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public ref T this[int row, int column]
    {
        get => ref _items[Shape2D.Index(row, column, Rows, Columns)];
    }

    /// <summary>One row.</summary>
    public Span<T> GetRow(int row) => _items.Slice(row * Columns, Columns);
}

/// <summary>A row-major two-dimensional view over contiguous memory (read-only).</summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly ref struct ReadOnlySpan2D<T>
{
    private readonly ReadOnlySpan<T> _items;

    /// <summary>Wraps <paramref name="items"/> as <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public ReadOnlySpan2D(ReadOnlySpan<T> items, int rows, int columns)
    {
        Shape2D.Check(rows, columns, items.Length);
        _items = items;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>The item at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public T this[int row, int column] => _items[Shape2D.Index(row, column, Rows, Columns)];

    /// <summary>One row.</summary>
    public ReadOnlySpan<T> GetRow(int row) => _items.Slice(row * Columns, Columns);
}

/// <summary>The shape rules both 2-D views share: the items fill the shape exactly, an index lies inside it.</summary>
internal static class Shape2D
{
    public static void Check(int rows, int columns, int length)
    {
        if (rows < 0 || columns < 0 || (long)rows * columns != length)
        {
            throw new ArgumentException($"{rows} × {columns} does not match {length} items.");
        }
    }

    public static int Index(int row, int column, int rows, int columns) =>
        (uint)row < (uint)rows && (uint)column < (uint)columns
            ? (row * columns) + column
            : throw new IndexOutOfRangeException($"({row}, {column}) is outside {rows} × {columns}.");
}
