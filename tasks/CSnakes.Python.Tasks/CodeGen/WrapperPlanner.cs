using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// Decides what a module's wrapper contains: which functions, their C# names and types, how each
/// argument is passed. Reports every decision worth knowing as a <see cref="GenerationDiagnostic"/>.
/// </summary>
internal sealed partial class WrapperPlanner
{
    private readonly string _moduleName;
    private readonly string _sourceFile;
    private readonly List<GenerationDiagnostic> _diagnostics = [];
    private readonly ModuleTypeDeclarations _types;

    // Where messages say a function lives: the module, or module.Class while planning a class's methods.
    private string _scope;

    private WrapperPlanner(string rootNamespace, string moduleName, string sourceFile, IReadOnlyList<PythonEnum> enums, IReadOnlyList<PythonRecord> records, RunTypeIndex? index)
    {
        _moduleName = moduleName;
        _scope = moduleName;
        _sourceFile = sourceFile;
        var holderName = CSharpNames.TypesClassName(CSharpNames.ModuleAccessor(moduleName));
        _types = new ModuleTypeDeclarations(moduleName, $"global::{rootNamespace}.{holderName}", holderName, enums, records, index);
        foreach (var skipped in enums.Where(e => e.Problem is not null))
        {
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, skipped.Line, skipped.Column,
                $"The enum class {moduleName}.{skipped.Name} gets no C# enum because {skipped.Problem}; annotations that use it become PyObject. "
                + "Give every member a literal int or str value (not auto() or an expression) to get a C# enum."));
        }
    }

    /// <summary>
    /// Plans the wrapper for a file that parsed; <paramref name="sourceFile"/> is where diagnostics point,
    /// <paramref name="rootNamespace"/> the project's namespace as written (escaped here).
    /// </summary>
    /// <paramref name="index"/>: the run's classes, records and enums; a type a shorter module of the run also exports is
    /// declared there, not here, and this module's annotations name that one type.
    public static ModuleWrapper Plan(string rootNamespace, string moduleName, string sourceFile, FileSignatures signatures, out IReadOnlyList<GenerationDiagnostic> diagnostics, RunTypeIndex? index = null)
    {
        rootNamespace = CSharpNames.Namespace(rootNamespace);
        index ??= RunTypeIndex.Empty;
        if (index == RunTypeIndex.Empty)
        {
            // Planned alone (tests): the module is its own run.
            index = new RunTypeIndex(rootNamespace, [(moduleName, true, signatures)]);
        }
        var ownClasses = signatures.Classes?.Where(c => index.Declares(moduleName, c.Name)).ToList() ?? [];
        // Exception classes become .NET exception types (registered with the runtime), not wrappers of instances.
        var exceptionClasses = ownClasses.Where(c => index.ExceptionBaseOf(moduleName, c.Name) is not null).ToList();
        signatures = signatures with
        {
            Enums = signatures.Enums?.Where(e => index.Declares(moduleName, e.Name)).ToList(),
            Records = signatures.Records?.Where(r => index.Declares(moduleName, r.Name)).ToList(),
            Classes = ownClasses.Except(exceptionClasses).ToList(),
        };
        var planner = new WrapperPlanner(rootNamespace, moduleName, sourceFile, signatures.Enums ?? [], signatures.Records ?? [], index);
        var exceptions = exceptionClasses.GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.Last())
            .Where(ClassWrapRule.IsWrapped)
            .Select(c => planner.PlanException(c, index.ExceptionBaseOf(moduleName, c.Name)!))
            .ToList();
        // Wrapper classes are known before any annotation is mapped, so any signature may name them.
        // Each with what it inherits from its base classes of the run, so its constructor and wrapper have the base's members.
        var classes = planner.ReserveClasses(signatures.Classes ?? []).Select(c => (Source: planner.WithInheritedMembers(c.Source, index), c.Type)).ToList();
        // A class's constructor is a module method (NewCounter), so it takes part in the name-collision checks.
        var functions = planner.PlanFunctions([.. signatures.Functions ?? [], .. classes.Select(c => planner.Constructor(c.Source)).OfType<PythonFunction>()], ModuleReservedNames);
        var classWrappers = classes.Select(c =>
        {
            using var scope = planner._types.NamesFrom(c.Source.ReexportedFrom);
            return planner.PlanClass(c.Source, c.Type);
        }).ToList();
        // Records no function uses are still declared, for the app's own use with PyObject.As<T>().
        foreach (var record in signatures.Records ?? [])
        {
            planner._types.GetOrDeclareRecord(record.Name);
        }
        var (recordMethods, recordProperties) = planner.PlanRecordMembers(signatures.Records ?? []);
        foreach (var (code, line, message) in planner._types.RecordNotes)
        {
            planner._diagnostics.Add(GenerationDiagnostic.Warning(code, sourceFile, line, 1, message));
        }
        var constants = planner.PlanConstants(signatures.Constants ?? [], functions);
        var enumMembers = planner.PlanEnumMembers(signatures.Enums ?? []);
        // Overloads of one function map the same annotations again; report each problem once.
        diagnostics = planner._diagnostics.Distinct().ToList();
        return new ModuleWrapper(rootNamespace, moduleName, CSharpNames.ModuleAccessor(moduleName), signatures.Docstring, functions, planner._types.DeclaredEnums, planner._types.DeclaredRecords, classWrappers, recordMethods,
            planner._types.DefinedAs, exceptions, constants, enumMembers) { RecordProperties = recordProperties };
    }

    // An exception class is a .NET exception type: it carries what the runtime read off the Python exception, not the
    // class's own members, which are named in a build message so that none goes unmentioned.
    private ExceptionType PlanException(PythonClass pythonClass, string baseSpelling)
    {
        var members = pythonClass.Methods.Select(m => m.Name).Concat(pythonClass.Attributes?.Select(a => a.Name) ?? [])
            .Where(n => !n.StartsWith('_')).Distinct(StringComparer.Ordinal).ToList();
        if (members.Count > 0)
        {
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, pythonClass.Line,
                $"{_moduleName}: '{pythonClass.Name}' is an exception class and becomes a .NET exception type, whose members are the runtime's "
                + $"(PythonTypeName, PythonMessage, the traceback); its own get no C# member: {string.Join(", ", members.Select(m => pythonClass.Name + "." + m))}."));
        }
        return new ExceptionType(_types.DeclareException(pythonClass.Name), baseSpelling, _moduleName, pythonClass.Name, pythonClass.Docstring);
    }

    // The module interface's one reserved name: a method named Finalize there is warning CS0465 (it looks like a
    // destructor); object's other members may be declared on an interface (the implementation is explicit).
    private static readonly ISet<string> ModuleReservedNames = new HashSet<string>(StringComparer.Ordinal) { "Finalize" };

    // reserved: C# member names the wrapper's type already has (a class's PythonObject, object's members…).
    private List<FunctionWrapper> PlanFunctions(IReadOnlyList<PythonFunction> functions, ISet<string>? reserved = null)
    {
        // A later def of the same name replaces an earlier one, as it does when Python runs the module,
        // except that @overload declarations describe the one implementation that follows them.
        var lastIndexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var overloaded = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < functions.Count; i++)
        {
            lastIndexByName[functions[i].Name] = i;
            if (functions[i].Decorators.Any(IsOverloadDecorator))
            {
                overloaded.Add(functions[i].Name);
            }
        }

        var planned = new List<(PythonFunction Source, FunctionWrapper Wrapper)>();
        for (var i = 0; i < functions.Count; i++)
        {
            var function = functions[i];
            var isOverload = function.Decorators.Any(IsOverloadDecorator);
            if (overloaded.Contains(function.Name) && !isOverload)
            {
                Note(function, $"'{function.Name}' has @overload declarations; they give its C# overloads, so its own signature is not wrapped.");
                continue;
            }
            if (!isOverload && lastIndexByName[function.Name] != i)
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
            // A re-exported function's bare names are those of the module that defines it.
            using var scope = _types.NamesFrom(function.ReexportedFrom);
            foreach (var wrapper in PlanOverloads(function))
            {
                planned.Add((function, wrapper));
            }
        }

        return RequireWhereOmittingIsAmbiguous(DropDuplicateOverloads(ResolveNameCollisions(planned, reserved ?? new HashSet<string>())));
    }

    /// <summary>
    /// One wrapper per combination of the alternatives of union-typed parameters (docs/type-mapping.md: <c>A | B</c>
    /// arguments give one overload per combination). Only the first alternative of a parameter keeps its
    /// default, so a call that leaves it out picks exactly one overload.
    /// </summary>
    private IEnumerable<FunctionWrapper> PlanOverloads(PythonFunction function)
    {
        var choices = new List<IReadOnlyList<PythonParameter>>();
        var combinations = 1;
        foreach (var parameter in function.Parameters)
        {
            var alternatives = parameter.Kind is ParameterKinds.VarPositional or ParameterKinds.VarKeyword
                ? null
                : TypeMapper.UnionAlternatives(parameter.Annotation);
            if (alternatives is null)
            {
                choices.Add([parameter]);
                continue;
            }
            var annotation = parameter.Annotation!;
            choices.Add(alternatives
                .Select((node, index) => parameter with
                {
                    Annotation = annotation with { Type = node },
                    Default = index == 0 ? parameter.Default : null,
                })
                .ToList());
            combinations *= alternatives.Count;
        }

        if (combinations > MaxOverloads)
        {
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, function.Line, function.Column,
                $"The union-typed parameters of {_scope}.{function.Name} would need {combinations} C# overloads (more than {MaxOverloads}); "
                + "the union parameters are PyObject instead. Narrow the unions, or add @overload declarations for the combinations callers need."));
            yield return PlanFunction(function);
            yield break;
        }

        foreach (var combination in Combine(choices, 0, []))
        {
            yield return PlanFunction(function with { Parameters = combination }, PythonSignature.Format(function));
        }
    }

    private const int MaxOverloads = 16;

    private static IEnumerable<IReadOnlyList<PythonParameter>> Combine(List<IReadOnlyList<PythonParameter>> choices, int index, List<PythonParameter> prefix)
    {
        if (index == choices.Count)
        {
            yield return prefix.ToList();
            yield break;
        }
        foreach (var choice in choices[index])
        {
            prefix.Add(choice);
            foreach (var combination in Combine(choices, index + 1, prefix))
            {
                yield return combination;
            }
            prefix.RemoveAt(prefix.Count - 1);
        }
    }

    /// <summary>
    /// Overloads whose C# parameter types coincide (e.g. <c>list[int] | Sequence[int]</c>, or <c>list[str]</c> and
    /// <c>list[Optional[str]]</c>) are one method: the one that accepts nulls in the most places is kept, in the
    /// place of the first.
    /// </summary>
    private List<FunctionWrapper> DropDuplicateOverloads(List<FunctionWrapper> wrappers)
    {
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<FunctionWrapper>();
        foreach (var wrapper in wrappers)
        {
            var key = wrapper.MethodName + "(" + string.Join(",", wrapper.Parameters.Select(OverloadKey)) + ")";
            if (!kept.TryGetValue(key, out var index))
            {
                kept[key] = result.Count;
                result.Add(wrapper);
                continue;
            }
            if (NullableCount(wrapper) > NullableCount(result[index]))
            {
                result[index] = wrapper;
            }
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, 0,
                $"{_moduleName}: two overloads of '{wrapper.PythonName}' have the same C# parameter types (they differ only in nullability or in Python types C# maps alike); one C# method is generated for both."));
        }
        return result;
    }

    /// <summary>
    /// Two overloads with the same required parameters that both have optional ones (typeshed's <c>bisect_left</c>:
    /// <c>key: None = None</c> in one, <c>key: Callable[...]</c> in the other) make every call that leaves the optional
    /// ones out ambiguous (CS0121). The later overload then states no defaults, so such a call picks the earlier one;
    /// passing every argument reaches the later one.
    /// </summary>
    private List<FunctionWrapper> RequireWhereOmittingIsAmbiguous(List<FunctionWrapper> wrappers)
    {
        for (var i = 0; i < wrappers.Count; i++)
        {
            var later = wrappers[i];
            if (!later.Parameters.Any(p => p.IsOptional))
            {
                continue;
            }
            var clash = wrappers.Take(i).FirstOrDefault(earlier => earlier.MethodName == later.MethodName
                && earlier.Parameters.Any(p => p.IsOptional)
                && RequiredKey(earlier) == RequiredKey(later));
            if (clash is null)
            {
                continue;
            }
            wrappers[i] = later with { Parameters = later.Parameters.Select(p => p.IsOptional ? p with { DefaultHidden = true } : p).ToList() };
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, 0,
                $"{_moduleName}: two overloads of '{later.PythonName}' take the same required parameters, so a C# call leaving out the optional ones "
                + $"would be ambiguous; the later one states no defaults ({string.Join(", ", later.Parameters.Where(p => p.IsOptional).Select(p => p.CSharpName))} must be passed to reach it)."));
        }
        return wrappers;
    }

    private static string RequiredKey(FunctionWrapper wrapper) => string.Join(",", wrapper.Parameters.Where(p => !p.IsOptional).Select(OverloadKey));

    private static int NullableCount(FunctionWrapper wrapper) => wrapper.Parameters.Sum(p => p.DeclaredType.Count(c => c == '?'));

    // string? and string are one type to the C# compiler, at any depth; long? and long are not.
    private static string OverloadKey(ParameterWrapper parameter) => parameter.Passing switch
    {
        ArgumentPassing.VarPositional or ArgumentPassing.VarKeyword => parameter.DeclaredType.TrimEnd('?'),
        _ => OverloadIdentity.Of(parameter.ValueType) + (parameter.ValueType.IsValueType && parameter.Null != NullMeaning.NotNullable ? "?" : ""),
    };

    /// <summary>
    /// Two Python functions whose C# names coincide (<c>active_count</c> and <c>activeCount</c>) both stay: the
    /// first in source order keeps the name, each later one takes the escape (a trailing '_', repeated until
    /// free), with a CSPY3003 warning at the later one.
    /// </summary>
    private List<FunctionWrapper> ResolveNameCollisions(List<(PythonFunction Source, FunctionWrapper Wrapper)> planned, ISet<string> reserved)
    {
        var owner = new Dictionary<string, PythonFunction>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<FunctionWrapper>();
        foreach (var (source, wrapper) in planned)
        {
            if (renamed.TryGetValue(source.Name, out var escaped))
            {
                // Another overload of a function already renamed.
                result.Add(wrapper with { MethodName = escaped });
                continue;
            }
            if (reserved.Contains(wrapper.MethodName))
            {
                // A name C# already uses in this type (a member of object, of the wrapper class): the documented escape, no warning.
                var free = wrapper.MethodName + "_";
                while (owner.ContainsKey(free) || reserved.Contains(free))
                {
                    free += "_";
                }
                owner[free] = source;
                renamed[source.Name] = free;
                result.Add(wrapper with { MethodName = free });
                continue;
            }
            if (!owner.TryGetValue(wrapper.MethodName, out var first) || first.Name == source.Name)
            {
                owner[wrapper.MethodName] = source;
                result.Add(wrapper);
                continue;
            }
            var name = wrapper.MethodName + "_";
            while (owner.ContainsKey(name) || reserved.Contains(name))
            {
                name += "_";
            }
            owner[name] = source;
            renamed[source.Name] = name;
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.FunctionNameCollision, _sourceFile, source.Line, source.Column,
                $"Functions '{first.Name}' (line {first.Line}) and '{source.Name}' (line {source.Line}) in {_scope} would both become the C# method "
                + $"'{wrapper.MethodName}'; '{source.Name}' is '{name}' in C#. Rename one of them, or mark one '# csharp: ignore', to choose otherwise."));
            result.Add(wrapper with { MethodName = name });
        }
        return result;
    }

    // signature: the def line for the docs, when function is one overload of a union-typed original.
    private FunctionWrapper PlanFunction(PythonFunction function, string? signature = null)
    {
        // async def f() -> T, def f() -> Coroutine[Any, Any, T] / Awaitable[T] / asyncio.Future[T] / asyncio.Task[T] give Task<T>.
        var returns = function.Returns;
        var isAsync = function.IsAsync;
        // (async) def f() -> AsyncIterator[T] gives IAsyncEnumerable<T>: returns is then the item type.
        var isAsyncIterator = false;
        if (TypeMapper.AsyncIterationItem(returns) is { } item)
        {
            returns = returns! with { Type = item };
            isAsync = false;
            isAsyncIterator = true;
        }
        else if (!isAsync && TypeMapper.CoroutineResult(returns) is { } awaited)
        {
            returns = returns! with { Type = awaited };
            isAsync = true;
        }

        // A Literal gets an enum named for its first use: <Function>Result for a return.
        var returnMapping = TypeMapper.MapReturn(returns, _types, CSharpNames.ToPascalCase(function.Name) + "Result");
        if (returnMapping.Problem is not null)
        {
            var annotation = function.Returns!;
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The return annotation '{annotation.Text}' of {_scope}.{function.Name} cannot be mapped to a C# type: {returnMapping.Problem}. "
                + (isAsyncIterator ? $"The C# method returns IAsyncEnumerable<{returnMapping.DisplayName}> instead" : $"The C# method returns {returnMapping.DisplayName} instead")
                + "; use a supported annotation, or 'Any' to make PyObject explicit."));
        }
        var returnType = returnMapping.Type;
        if (isAsyncIterator && returnType is null)
        {
            // AsyncIterator[None] yields None items: there is no IAsyncEnumerable<void>.
            returnType = ScalarType.Object;
        }

        var hasVarPositional = function.Parameters.Any(p => p.Kind == ParameterKinds.VarPositional);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        if (isAsync || isAsyncIterator)
        {
            // The trailing CancellationToken keeps its name; a Python parameter of that name gets a suffix.
            usedNames.Add(FunctionWrapper.CancellationTokenName);
        }
        var parameters = new List<ParameterWrapper>();
        for (var i = 0; i < function.Parameters.Count; i++)
        {
            var parameter = PlanParameter(function, function.Parameters[i], i, hasVarPositional, usedNames);
            parameters.Add(parameter);
        }

        // C# wants required parameters first; arguments travel by name, so the order is free to change.
        var ordered = parameters.Where(p => p.Passing is ArgumentPassing.Positional or ArgumentPassing.Keyword && !p.IsOptional)
            .Concat(parameters.Where(p => p.Passing is ArgumentPassing.Positional or ArgumentPassing.Keyword && p.IsOptional))
            .Concat(parameters.Where(p => p.Passing == ArgumentPassing.VarPositional))
            .Concat(parameters.Where(p => p.Passing == ArgumentPassing.VarKeyword))
            .ToList();
        MakeParamsArray(ordered, isAsync || isAsyncIterator);

        return new FunctionWrapper(
            function.Name,
            MethodName(function),
            function.Docstring,
            signature ?? PythonSignature.Format(function),
            returnType,
            ordered,
            isAsync,
            isAsyncIterator);
    }

    private ParameterWrapper PlanParameter(PythonFunction function, PythonParameter parameter, int index, bool hasVarPositional, HashSet<string> usedNames)
    {
        var name = UniqueName(parameter.Name, index, usedNames);
        switch (parameter.Kind)
        {
            case ParameterKinds.VarPositional:
                return PlanVarPositional(function, parameter, index, name);
            case ParameterKinds.VarKeyword:
                return new ParameterWrapper(index, parameter.Name, name, ScalarType.Object, NullMeaning.Omit, "null", ArgumentPassing.VarKeyword);
        }

        // A Literal gets an enum named for its first use: <Function><Parameter>.
        var mapping = TypeMapper.MapParameter(parameter.Annotation, _types, CSharpNames.ToPascalCase(function.Name) + CSharpNames.ToPascalCase(parameter.Name));
        if (mapping.Problem is not null)
        {
            var annotation = parameter.Annotation!;
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The annotation '{annotation.Text}' of parameter '{parameter.Name}' of {_scope}.{function.Name} cannot be mapped to a C# type: {mapping.Problem}. "
                + $"The C# parameter is {CSharpTypeDisplay.Of(mapping.Type!.ParameterSpelling)} instead; use a supported annotation, or 'Any' to make PyObject explicit."));
        }

        var declared = mapping.Type!;
        var declaredOptional = declared is OptionalType;
        var valueType = declared is OptionalType optional ? optional.Inner : declared;

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
            else
            {
                // A default C# cannot state (a stub's '...', an expression): null means "not given", Python's own default applies.
                nullMeaning = NullMeaning.Omit;
                defaultLiteral = "null";
            }
        }

        // Python's calling convention: arguments go by position while every earlier one was given; after an
        // omitted one, by keyword where the parameter takes keywords (the emitter decides at run time).
        // Before *args a keyword would collide with the positional slot *args fills, so those are positional only.
        var passing = parameter.Kind == ParameterKinds.KeywordOnly ? ArgumentPassing.Keyword : ArgumentPassing.Positional;
        var keywordAllowed = parameter.Kind == ParameterKinds.KeywordOnly
            || (parameter.Kind == ParameterKinds.PositionalOrKeyword && !hasVarPositional);
        return new ParameterWrapper(index, parameter.Name, name, valueType, nullMeaning, defaultLiteral, passing, keywordAllowed);
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
