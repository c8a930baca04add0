namespace CSnakes.Python.Tasks;

/// <summary>Keeps the last few lines of a process's output, for error messages.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> lines = new();

    public void Add(string line)
    {
        if (lines.Count == capacity)
        {
            lines.Dequeue();
        }
        lines.Enqueue(line);
    }

    public IReadOnlyList<string> Lines => lines.ToArray();

    public override string ToString() => string.Join(Environment.NewLine, lines.Select(l => "  " + l));
}
