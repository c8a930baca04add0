using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Decides what a module's wrapper contains: which functions, their C# names and types, how each
/// argument is passed. Reports every decision worth knowing as a <see cref="GenerationDiagnostic"/>.
/// </summary>
internal sealed class WrapperPlanner
{
    private readonly string _moduleName;
    private readonly string _sourceFile;
    private readonly List<GenerationDiagnostic> _diagnostics = [];

    private WrapperPlanner(string moduleName, string sourceFile)
    {
        _moduleName = moduleName;
        _sourceFile = sourceFile;
    }

    /// <summary>Plans the wrapper for a file that parsed; <paramref name="sourceFile"/> is where diagnostics point.</summary>
    public static ModuleWrapper Plan(string moduleName, string sourceFile, FileSignatures signatures, out IReadOnlyList<GenerationDiagnostic> diagnostics)
    {
        var planner = new WrapperPlanner(moduleName, sourceFile);
        var functions = planner.PlanFunctions(signatures.Functions ?? []);
        diagnostics = planner._diagnostics;
        return new ModuleWrapper(moduleName, CSharpNames.ModuleAccessor(moduleName), signatures.Docstring, functions);
    }

    private List<FunctionWrapper> PlanFunctions(IReadOnlyList<PythonFunction> functions)
    {
        // A later def of the same name replaces an earlier one, as it does when Python runs the module.
        var lastIndexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < functions.Count; i++)
        {
            lastIndexByName[functions[i].Name] = i;
        }

        var planned = new List<(PythonFunction Source, FunctionWrapper Wrapper)>();
        for (var i = 0; i < functions.Count; i++)
        {
            var function = functions[i];
            if (lastIndexByName[function.Name] != i)
            {
                Note(function, $"'{function.Name}' is redefined later in the module; the last definition is wrapped.");
                continue;
            }
            if (function.Name.StartsWith('_'))
            {
                Note(function, $"'{function.Name}' is private (starts with '_') and gets no C# method.");
                continue;
            }
            if (function.CsharpIgnore)
            {
                Note(function, $"'{function.Name}' is marked '# csharp: ignore' and gets no C# method.");
                continue;
            }
            if (function.Decorators.Any(IsOverloadDecorator))
            {
                Note(function, $"'{function.Name}' is an @overload declaration; overloads are not wrapped yet.");
                continue;
            }
            if (function.IsAsync)
            {
                _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.AsyncNotSupported, _sourceFile, function.Line, function.Column,
                    $"'async def {function.Name}' in module '{_moduleName}' gets no C# method: async functions arrive with the type-system work (they will map to Task<T>). "
                    + "Wrap it in a plain 'def' for now, or mark the line '# csharp: ignore' to silence this warning."));
                continue;
            }
            planned.Add((function, PlanFunction(function)));
        }

        return DropNameCollisions(planned);
    }

    private List<FunctionWrapper> DropNameCollisions(List<(PythonFunction Source, FunctionWrapper Wrapper)> planned)
    {
        var result = new List<FunctionWrapper>();
        foreach (var group in planned.GroupBy(p => p.Wrapper.MethodName, StringComparer.Ordinal))
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                result.Add(members[0].Wrapper);
                continue;
            }
            var first = members[0].Source;
            foreach (var other in members.Skip(1))
            {
                _diagnostics.Add(GenerationDiagnostic.Error(DiagnosticCodes.FunctionNameCollision, _sourceFile, other.Source.Line, other.Source.Column,
                    $"Functions '{first.Name}' (line {first.Line}) and '{other.Source.Name}' (line {other.Source.Line}) in module '{_moduleName}' "
                    + $"would both become the C# method '{group.Key}'. Rename one of them, or mark one '# csharp: ignore'."));
            }
        }
        // GroupBy keeps first-occurrence order, so the source order of the module is preserved.
        return result;
    }

    private FunctionWrapper PlanFunction(PythonFunction function)
    {
        var returnMapping = TypeMapper.MapReturn(function.Returns);
        if (returnMapping.Problem is not null)
        {
            var annotation = function.Returns!;
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The return annotation '{annotation.Text}' of {_moduleName}.{function.Name} cannot be mapped to a C# type: {returnMapping.Problem}. "
                + "The C# method returns PyObject instead; use a supported annotation, or 'Any' to make PyObject explicit."));
        }

        var hasVarPositional = function.Parameters.Any(p => p.Kind == ParameterKinds.VarPositional);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var parameters = new List<ParameterWrapper>();
        var omittedBefore = false;
        for (var i = 0; i < function.Parameters.Count; i++)
        {
            var parameter = PlanParameter(function, function.Parameters[i], i, hasVarPositional, usedNames, ref omittedBefore);
            parameters.Add(parameter);
        }

        // C# wants required parameters first; arguments travel by name, so the order is free to change.
        var ordered = parameters.Where(p => p.Passing is ArgumentPassing.Positional or ArgumentPassing.Keyword && !p.IsOptional)
            .Concat(parameters.Where(p => p.Passing is ArgumentPassing.Positional or ArgumentPassing.Keyword && p.IsOptional))
            .Concat(parameters.Where(p => p.Passing == ArgumentPassing.VarPositional))
            .Concat(parameters.Where(p => p.Passing == ArgumentPassing.VarKeyword))
            .ToList();

        return new FunctionWrapper(
            function.Name,
            CSharpNames.ToPascalCase(function.Name),
            function.Docstring,
            PythonSignature.Format(function),
            returnMapping.Type,
            ordered);
    }

    private ParameterWrapper PlanParameter(PythonFunction function, PythonParameter parameter, int index, bool hasVarPositional, HashSet<string> usedNames, ref bool omittedBefore)
    {
        var name = UniqueName(parameter.Name, index, usedNames);
        switch (parameter.Kind)
        {
            case ParameterKinds.VarPositional:
                return new ParameterWrapper(index, parameter.Name, name, ScalarType.Object, NullMeaning.Omit, "null", ArgumentPassing.VarPositional);
            case ParameterKinds.VarKeyword:
                return new ParameterWrapper(index, parameter.Name, name, ScalarType.Object, NullMeaning.Omit, "null", ArgumentPassing.VarKeyword);
        }

        var mapping = TypeMapper.MapParameter(parameter.Annotation);
        if (mapping.Problem is not null)
        {
            var annotation = parameter.Annotation!;
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The annotation '{annotation.Text}' of parameter '{parameter.Name}' of {_moduleName}.{function.Name} cannot be mapped to a C# type: {mapping.Problem}. "
                + "The C# parameter is PyObject instead; use a supported annotation, or 'Any' to make PyObject explicit."));
        }

        var declared = mapping.Type!;
        var declaredOptional = declared is OptionalType;
        var valueType = declared is OptionalType optional ? optional.Inner : declared;
        var mustBePositional = parameter.Kind == ParameterKinds.PositionalOnly
            || (parameter.Kind == ParameterKinds.PositionalOrKeyword && hasVarPositional);

        var nullMeaning = declaredOptional ? NullMeaning.None : NullMeaning.NotNullable;
        string? defaultLiteral = null;
        if (parameter.Default is { } pythonDefault)
        {
            var nullable = declaredOptional || pythonDefault.Kind == "none";
            defaultLiteral = CSharpLiterals.Default(pythonDefault, valueType, nullable);
            if (defaultLiteral is not null)
            {
                nullMeaning = nullable ? NullMeaning.None : NullMeaning.NotNullable;
            }
            else if (mustBePositional)
            {
                _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.DefaultMadeRequired, _sourceFile, parameter.Line, parameter.Column,
                    $"Parameter '{parameter.Name}' of {_moduleName}.{function.Name} has the default '{pythonDefault.Text}', which C# cannot express, "
                    + (parameter.Kind == ParameterKinds.PositionalOnly ? "and it is positional-only" : "and it comes before *args")
                    + ", so it cannot be left out of the call; the C# parameter is required. Use a literal default (int, float, str, bool, None) to make it optional."));
            }
            else
            {
                nullMeaning = NullMeaning.Omit;
                defaultLiteral = "null";
            }
        }

        ArgumentPassing passing;
        if (parameter.Kind == ParameterKinds.KeywordOnly)
        {
            passing = ArgumentPassing.Keyword;
        }
        else
        {
            // Once an argument may be left out, the ones after it must be sent by name.
            omittedBefore |= nullMeaning == NullMeaning.Omit;
            passing = omittedBefore && !mustBePositional ? ArgumentPassing.Keyword : ArgumentPassing.Positional;
        }

        return new ParameterWrapper(index, parameter.Name, name, valueType, nullMeaning, defaultLiteral, passing);
    }

    private static string UniqueName(string pythonName, int index, HashSet<string> usedNames)
    {
        var camel = CSharpNames.ToCamelCase(pythonName);
        if (camel.Length == 0)
        {
            camel = "arg" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var candidate = camel;
        for (var suffix = 2; !usedNames.Add(candidate); suffix++)
        {
            candidate = camel + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return CSharpNames.Escape(candidate);
    }

    private static bool IsOverloadDecorator(string decorator) =>
        decorator == "overload" || decorator.EndsWith(".overload", StringComparison.Ordinal);

    private void Note(PythonFunction function, string text) =>
        _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, function.Line, $"{_moduleName}: {text}"));
}
