using CSnakes.Runtime.Converters;

namespace CSnakes.Runtime.Async;

/// <summary>
/// One pending <c>__anext__()</c> of an async iterator. Its task is true with <see cref="Item"/>
/// set when the iterator gave an item, false when it ended (<c>StopAsyncIteration</c>).
/// </summary>
internal sealed class PendingAsyncItem<T>(PyConverter<T> converter, string context) : PendingCoroutine(context)
{
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _hasItem;

    public Task<bool> Task => _completion.Task;

    /// <summary>The converted item; valid once <see cref="Task"/> completed with true.</summary>
    public T Item { get; private set; } = default!;

    protected override void ReadValue(PyObject value)
    {
        // The Python side answers () at the end and (item,) otherwise, so a None item is not the end.
        if (value.Length() == 0)
        {
            return;
        }

        using var index0 = IntConverter.Instance.ToPython(0);
        using var item = value.GetItem(index0);
        Item = converter.FromPython(item);
        _hasItem = true;
    }

    protected override void SetResult() => _completion.TrySetResult(_hasItem);

    protected override void SetException(Exception error) => _completion.TrySetException(error);

    protected override void SetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
