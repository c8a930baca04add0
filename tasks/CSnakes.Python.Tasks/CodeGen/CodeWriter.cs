using System.Text;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Builds indented source text with '\n' line ends, whatever the OS, so output is byte-identical everywhere.</summary>
internal sealed class CodeWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _text.Append(IndentUnit);
            }
            _text.Append(line);
        }
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <c>}</c>.</summary>
    public IDisposable Block(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }
        Line("{");
        _indent++;
        return new BlockEnd(this);
    }

    public override string ToString() => _text.ToString();

    private sealed class BlockEnd(CodeWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line("}");
        }
    }
}
