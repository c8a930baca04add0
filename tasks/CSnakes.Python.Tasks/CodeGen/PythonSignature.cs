using System.Text;
using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>Rebuilds a function's <c>def</c> line from its reported parts, for documentation.</summary>
internal static class PythonSignature
{
    public static string Format(PythonFunction function)
    {
        var parts = new List<string>();
        var parameters = function.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (parameter.Kind == ParameterKinds.KeywordOnly && (i == 0 || parameters[i - 1].Kind is ParameterKinds.PositionalOnly or ParameterKinds.PositionalOrKeyword))
            {
                parts.Add("*");
            }
            parts.Add(FormatParameter(parameter));
            var next = i + 1 < parameters.Count ? parameters[i + 1].Kind : null;
            if (parameter.Kind == ParameterKinds.PositionalOnly && next != ParameterKinds.PositionalOnly)
            {
                parts.Add("/");
            }
        }

        var builder = new StringBuilder();
        builder.Append(function.IsAsync ? "async def " : "def ").Append(function.Name).Append('(').Append(string.Join(", ", parts)).Append(')');
        if (function.Returns is not null)
        {
            builder.Append(" -> ").Append(function.Returns.Text);
        }
        return builder.ToString();
    }

    private static string FormatParameter(PythonParameter parameter)
    {
        var prefix = parameter.Kind switch
        {
            ParameterKinds.VarPositional => "*",
            ParameterKinds.VarKeyword => "**",
            _ => "",
        };
        var text = prefix + parameter.Name;
        if (parameter.Annotation is not null)
        {
            text += ": " + parameter.Annotation.Text;
        }
        if (parameter.Default is not null)
        {
            text += parameter.Annotation is null ? "=" + parameter.Default.Text : " = " + parameter.Default.Text;
        }
        return text;
    }
}
