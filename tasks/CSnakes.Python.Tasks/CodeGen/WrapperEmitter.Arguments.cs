using System.Globalization;

namespace CSnakes.Python.Tasks.CodeGen;

// How each argument reaches Python: Python's calling convention (positional while given, keywords after a
// gap), None for null, and the statements that convert and add one argument to the PyCall.
internal sealed partial class WrapperEmitter
{
    /// <summary>
    /// Python's calling convention: each argument goes by position while every earlier one was given. Once one
    /// is omitted (null for a parameter whose default C# cannot state), <c>__gap</c> is set and later ones go by
    /// keyword; one that takes no keyword is then left out if it holds its default, else the call is refused.
    /// </summary>
    private void EmitPositionalArguments(IReadOnlyList<ParameterWrapper> positional, ParameterWrapper? varPositional, string pythonName)
    {
        var firstOmittable = positional.ToList().FindIndex(p => p.Null == NullMeaning.Omit);
        var gapMatters = firstOmittable >= 0 && (firstOmittable < positional.Count - 1 || varPositional is not null);
        if (_module.ElideTrailingDefaults && !gapMatters && firstOmittable < 0 && varPositional is null)
        {
            EmitWithoutTrailingDefaults(positional);
            return;
        }
        if (gapMatters)
        {
            _writer.Line("bool __gap = false;");
        }
        for (var i = 0; i < positional.Count; i++)
        {
            var parameter = positional[i];
            if (!gapMatters || i < firstOmittable)
            {
                EmitArgument(parameter, keyword: false);
                continue;
            }
            var afterGap = AfterGap(parameter, positional.Take(i).Where(p => p.Null == NullMeaning.Omit), pythonName);
            var inOrder = Present(parameter, keyword: false);
            _writer.Line(parameter.Null == NullMeaning.Omit
                ? $"if ({parameter.CSharpName} is null) {{ __gap = true; }} else if (__gap) {{ {afterGap} }} else {{ {inOrder} }}"
                : $"if (__gap) {{ {afterGap} }} else {{ {inOrder} }}");
        }
        if (gapMatters && varPositional is not null)
        {
            var omittable = positional.Where(p => p.Null == NullMeaning.Omit);
            _writer.Line($"if (__gap && {varPositional.CSharpName} is {{ Length: > 0 }}) {Refuse(varPositional, omittable, pythonName)}");
        }
    }

    // Signatures read from a stub describe code the stub did not write: the running function may take fewer arguments by
    // position than the stub says (CPython 3.15's sqlite3.connect takes only the database so; typeshed still lists all).
    // Arguments that hold the stub's default at the end of the list are left out, so Python's own defaults apply and a
    // call that sets none of them works whatever the runtime's signature.
    private void EmitWithoutTrailingDefaults(IReadOnlyList<ParameterWrapper> positional)
    {
        var first = positional.Count;
        while (first > 0 && positional[first - 1].DefaultLiteral is not null)
        {
            first--;
        }
        if (first == positional.Count)
        {
            foreach (var parameter in positional)
            {
                EmitArgument(parameter, keyword: false);
            }
            return;
        }
        // __send: how many positional arguments go; each trailing one that holds its default, from the last, lowers it.
        var count = positional.Count.ToString(CultureInfo.InvariantCulture);
        _writer.Line($"int __send = {count};");
        for (var i = positional.Count - 1; i >= first; i--)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            _writer.Line($"if (__send == {(i + 1).ToString(CultureInfo.InvariantCulture)} && {positional[i].CSharpName} == {positional[i].DefaultLiteral}) __send = {index};");
        }
        for (var i = 0; i < positional.Count; i++)
        {
            if (i < first)
            {
                EmitArgument(positional[i], keyword: false);
            }
            else
            {
                _writer.Line($"if (__send > {i.ToString(CultureInfo.InvariantCulture)}) {{ {Present(positional[i], keyword: false)} }}");
            }
        }
    }

    // A positional parameter after an omitted one: by keyword, or left out when it holds its default, or refused.
    private string AfterGap(ParameterWrapper parameter, IEnumerable<ParameterWrapper> omittable, string pythonName)
    {
        if (parameter.KeywordAllowed)
        {
            return Present(parameter, keyword: true);
        }
        var refuse = Refuse(parameter, omittable, pythonName);
        return parameter.Null == NullMeaning.Omit || parameter.DefaultLiteral is null
            ? refuse
            : $"if (!({parameter.CSharpName} == {parameter.DefaultLiteral})) {refuse}";
    }

    private static string Refuse(ParameterWrapper parameter, IEnumerable<ParameterWrapper> omittable, string pythonName)
    {
        var earlier = string.Join(", ", omittable.Select(p => $"'{p.CSharpName.TrimStart('@')}'"));
        var message = $"{pythonName}() takes '{parameter.PythonName}' by position only, so {earlier} must be given too when '{parameter.CSharpName.TrimStart('@')}' is.";
        return $"throw new {DotNetNames.System("ArgumentException")}({CSharpLiterals.String(message)}, {CSharpLiterals.String(parameter.CSharpName.TrimStart('@'))});";
    }

    private void EmitArgument(ParameterWrapper parameter, bool keyword)
    {
        var name = parameter.CSharpName;
        if (parameter.Null == NullMeaning.Omit)
        {
            // Not given: leave it out, so Python's own default applies.
            _writer.Line($"if ({name} is not null) {Add(parameter, keyword)}");
            return;
        }
        _writer.Line(Present(parameter, keyword));
    }

    // The statement that sends a given value (None for null where null means None).
    private string Present(ParameterWrapper parameter, bool keyword)
    {
        var add = Add(parameter, keyword);
        if (parameter.Null != NullMeaning.None)
        {
            return add;
        }
        var none = keyword ? $"__call.AddKeywordNone({CSharpLiterals.String(parameter.PythonName)});" : "__call.AddNone();";
        return $"if ({parameter.CSharpName} is null) {none} else {add}";
    }

    private string Add(ParameterWrapper parameter, bool keyword)
    {
        var name = parameter.CSharpName;
        var present = parameter.ValueType.IsValueType && parameter.Null != NullMeaning.NotNullable ? name + ".Value" : name;
        var converter = ConverterReference(parameter.ValueType);
        var pythonName = CSharpLiterals.String(parameter.PythonName);
        // Collections accept any IEnumerable<T> although they read back as IReadOnlyList<T>: those
        // go through the converter's own ToPython overload.
        bool direct = parameter.ValueType.ParameterSpelling == parameter.ValueType.Spelling;
        return (keyword, direct) switch
        {
            (true, true) => $"__call.AddKeyword({pythonName}, {converter}, {present});",
            (true, false) => $"__call.AddKeywordConverted({pythonName}, {converter}.ToPython({present}));",
            (false, true) => $"__call.Add({converter}, {present});",
            (false, false) => $"__call.AddConverted({converter}.ToPython({present}));",
        };
    }
}
