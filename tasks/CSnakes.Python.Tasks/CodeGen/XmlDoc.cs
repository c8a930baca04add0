using System.Text;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Turns free text (docstrings) into safe XML documentation comment lines.</summary>
internal static class XmlDoc
{
    // C# ends a // comment at any of these, so each must start a new /// line.
    private static readonly string[] LineBreaks = ["\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029"];

    /// <summary>Escapes &amp;, &lt; and &gt;, and replaces characters XML 1.0 forbids.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    builder.Append(c < 0x20 && c != '\t' || c is '\uFFFE' or '\uFFFF' ? ' ' : c);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>The text as escaped lines, trailing blanks trimmed, without leading or trailing empty lines.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = text.Split(LineBreaks, StringSplitOptions.None).Select(l => Escape(l).TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    /// <summary>Writes <c>/// &lt;tag&gt;</c> … <c>/// &lt;/tag&gt;</c> around the lines.</summary>
    public static void Write(CodeWriter writer, string tag, IEnumerable<string> lines)
    {
        writer.Line($"/// <{tag}>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }
        writer.Line($"/// </{tag}>");
    }
}
