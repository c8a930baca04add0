namespace CSnakes.Runtime;

/// <summary>A row-major two-dimensional view over contiguous memory (writable).</summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly ref struct Span2D<T>
{
    private readonly Span<T> _items;

    /// <summary>Wraps <paramref name="items"/> as <paramref name="rows"/> × <paramref name="columns"/>.</summary>
    public Span2D(Span<T> items, int rows, int columns)
    {
        if ((long)rows * columns != items.Length)
        {
            throw new ArgumentException($"{rows} × {columns} does not match {items.Length} items.");
        }

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
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            {
                throw new IndexOutOfRangeException($"({row}, {column}) is outside {Rows} × {Columns}.");
            }

            return ref _items[(row * Columns) + column];
        }
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
        if ((long)rows * columns != items.Length)
        {
            throw new ArgumentException($"{rows} × {columns} does not match {items.Length} items.");
        }

        _items = items;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>The item at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public T this[int row, int column] =>
        (uint)row < (uint)Rows && (uint)column < (uint)Columns
            ? _items[(row * Columns) + column]
            : throw new IndexOutOfRangeException($"({row}, {column}) is outside {Rows} × {Columns}.");

    /// <summary>One row.</summary>
    public ReadOnlySpan<T> GetRow(int row) => _items.Slice(row * Columns, Columns);
}
