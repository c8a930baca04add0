using System.Collections;

namespace CSnakes.Runtime.Logging;

/// <summary>
/// The structured state of one forwarded Python record: providers that keep properties see the
/// Python logger name and source location next to the message.
/// </summary>
internal sealed class PythonLogState(string pythonLogger, string message, string location) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message { get; } = message;

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("PythonLogger", pythonLogger),
        1 => new("PythonLocation", location),
        2 => new("Message", Message),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    public static string Format(PythonLogState state, Exception? exception) => state.Message;
}
