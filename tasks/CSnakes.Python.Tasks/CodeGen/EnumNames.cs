using System.Globalization;
using System.Text;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Names for generated enums and their members.</summary>
internal static class EnumNames
{
    /// <summary>
    /// <c>DARK_BLUE</c> → <c>DarkBlue</c>, <c>dark-blue</c> → <c>DarkBlue</c>, <c>-1</c> → <c>ValueMinus1</c>:
    /// parts split at anything that is not a letter or digit; all-caps parts are lower-cased after their first letter.
    /// </summary>
    public static string Member(string pythonText)
    {
        var builder = new StringBuilder();
        var text = pythonText.StartsWith('-') ? "minus_" + pythonText[1..] : pythonText;
        foreach (var part in text.SplitWhere(c => !char.IsLetterOrDigit(c)))
        {
            var allCaps = part.Any(char.IsLetter) && !part.Any(char.IsLower);
            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(allCaps ? part[1..].ToLowerInvariant() : part[1..]);
        }
        var name = builder.ToString();
        // Numbers ("42", "-1") and the empty string are not identifiers on their own.
        return pythonText.Length == 0 || !char.IsLetter(pythonText[0]) ? "Value" + name : name;
    }

    /// <summary>Makes each name unique within one enum by appending 2, 3, …</summary>
    public static List<string> Unique(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var name in names)
        {
            var candidate = name;
            for (var suffix = 2; !used.Add(candidate); suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }
            result.Add(CSharpNames.Escape(candidate));
        }
        return result;
    }

    private static IEnumerable<string> SplitWhere(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }
                start = i + 1;
            }
        }
    }
}
