using System.Text;

namespace CSnakes.Python.Tasks;

/// <summary>
/// Splits a command-line string into arguments the way a user expects from a shell, with simple quoting:
/// whitespace separates arguments, '…' and "…" group (quotes are removed), and a backslash escapes only a
/// following quote character, so Windows paths such as <c>C:\wheels</c> survive unchanged.
/// </summary>
internal static class CommandLineSplitter
{
    /// <summary>Returns the arguments, or null with <paramref name="error"/> set when a quote is not closed.</summary>
    public static IReadOnlyList<string>? TrySplit(string? commandLine, out string? error)
    {
        error = null;
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(commandLine))
        {
            return result;
        }

        var current = new StringBuilder();
        var inArgument = false;
        char? quote = null;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            if (c == '\\' && i + 1 < commandLine.Length && commandLine[i + 1] is '"' or '\'')
            {
                current.Append(commandLine[++i]);
                inArgument = true;
            }
            else if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inArgument = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inArgument)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inArgument = false;
                }
            }
            else
            {
                current.Append(c);
                inArgument = true;
            }
        }

        if (quote is not null)
        {
            error = $"the {quote} quote is not closed";
            return null;
        }
        if (inArgument)
        {
            result.Add(current.ToString());
        }
        return result;
    }
}
