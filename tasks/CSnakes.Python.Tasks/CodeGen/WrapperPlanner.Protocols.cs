using CSnakes.Python.Tasks.Signatures;

namespace CSnakes.Python.Tasks.CodeGen;

// Special methods of a plain class → the C# members a .NET developer expects (docs/type-mapping.md, "Protocols"):
// operators, Count/indexer/iteration with the matching collection interface, Contains, Invoke, Enter + Dispose.
internal sealed partial class WrapperPlanner
{
    // Python's binary operator methods, the C# operator (null: a method, C# has no such operator) and the function
    // of Python's operator module that applies it with Python's own rules (reflection, NotImplemented).
    private static readonly (string Python, string? Symbol, string Function, string? Method)[] BinaryOperators =
    [
        ("__add__", "+", "add", null), ("__sub__", "-", "sub", null), ("__mul__", "*", "mul", null),
        ("__truediv__", "/", "truediv", null), ("__floordiv__", null, "floordiv", "FloorDivide"), ("__mod__", "%", "mod", null),
        ("__and__", "&", "and_", null), ("__or__", "|", "or_", null), ("__xor__", "^", "xor", null),
        ("__lshift__", "<<", "lshift", null), ("__rshift__", ">>", "rshift", null),
        ("__eq__", "==", "eq", null), ("__ne__", "!=", "ne", null),
        ("__lt__", "<", "lt", null), ("__le__", "<=", "le", null), ("__gt__", ">", "gt", null), ("__ge__", ">=", "ge", null),
    ];

    private static readonly (string Python, string Symbol, string Function)[] UnaryOperators =
    [
        ("__neg__", "-", "neg"), ("__pos__", "+", "pos"),
    ];

    // C# requires these operators in pairs of one signature.
    private static readonly (string A, string B)[] OperatorPairs = [("==", "!="), ("<", ">"), ("<=", ">=")];

    // Reflected and in-place forms: Python applies them itself inside the operators above, so they get no member of their own.
    private static readonly ISet<string> IndirectOperators = new HashSet<string>(StringComparer.Ordinal)
    {
        "__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rand__", "__ror__", "__rxor__", "__rlshift__", "__rrshift__",
        "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__iand__", "__ior__", "__ixor__", "__ilshift__", "__irshift__",
    };

    /// <summary>
    /// Plans the members the special methods of <paramref name="pythonClass"/> give. <paramref name="used"/> holds the
    /// C# names the class's other members already took; a protocol member whose name is taken gets the trailing '_'
    /// escape (the existing member keeps its name). <paramref name="methods"/> receives Invoke and Contains.
    /// </summary>
    private ClassProtocols PlanProtocols(PythonClass pythonClass, ClassType type, ISet<string> used, List<FunctionWrapper> methods)
    {
        _scope = _moduleName + "." + pythonClass.Name;
        try
        {
            foreach (var indirect in pythonClass.Methods.Where(m => IndirectOperators.Contains(m.Name)).Select(m => m.Name).Distinct())
            {
                Note(pythonClass.Methods.First(m => m.Name == indirect),
                    $"'{pythonClass.Name}.{indirect}' is a reflected or in-place operator and gets no C# member; Python calls it itself inside the C# operators (a + b runs b.__radd__ when a's __add__ gives NotImplemented).");
            }
            var operators = PlanOperators(pythonClass, type, used);
            var countName = Special(pythonClass, "__len__").Count > 0 ? Free(pythonClass, "__len__", "Count", used) : null;
            var indexers = PlanSpecial(pythonClass, "__getitem__", "Item", used, OneArgument);
            var (itemType, collection, listIndexer) = PlanIteration(pythonClass, type, used, countName, indexers);
            methods.AddRange(PlanSpecial(pythonClass, "__contains__", "Contains", used, OneArgument));
            methods.AddRange(PlanSpecial(pythonClass, "__call__", "Invoke", used, _ => true));
            return new ClassProtocols(operators, operators.Any(o => o.Symbol == "=="), countName, indexers, itemType, collection, listIndexer,
                PlanEnter(pythonClass, used));
        }
        finally
        {
            _scope = _moduleName;
        }
    }

    /// <summary>
    /// The defs of a special method that describe it: its <c>@overload</c>s when it has any, else the last def; only
    /// instance methods that take <c>self</c>, returned without it.
    /// </summary>
    private static List<PythonFunction> Special(PythonClass pythonClass, string name)
    {
        var defs = pythonClass.Methods.Where(m => m.Name == name && Binding(m) == MethodBinding.Instance
            && m.Parameters.FirstOrDefault()?.Kind is ParameterKinds.PositionalOnly or ParameterKinds.PositionalOrKeyword).ToList();
        var overloads = defs.Where(d => d.Decorators.Any(IsOverloadDecorator)).ToList();
        var described = overloads.Count > 0 ? overloads : defs.Count > 0 ? [defs[^1]] : [];
        return described.Select(d => d with { Parameters = d.Parameters.Skip(1).ToList() }).ToList();
    }

    // The planned overloads of a special method that fit (a message names the others), all named methodName (or its escape).
    private List<FunctionWrapper> PlanSpecial(PythonClass pythonClass, string name, string methodName, ISet<string> used, Func<FunctionWrapper, bool> fits)
    {
        var defs = Special(pythonClass, name);
        if (defs.Count == 0)
        {
            return [];
        }
        var planned = new List<FunctionWrapper>();
        foreach (var wrapper in defs.SelectMany(PlanOverloads))
        {
            if (fits(wrapper))
            {
                planned.Add(wrapper);
                continue;
            }
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, defs[0].Line,
                $"{_moduleName}: an overload of '{pythonClass.Name}.{name}' ({wrapper.PythonSignature}) does not fit the C# member '{methodName}' "
                + "(it needs one argument besides self, without a default, a return value and no async) and is not wrapped; call it through PythonObject."));
        }
        if (planned.Count == 0)
        {
            return [];
        }
        var free = Free(pythonClass, name, methodName, used);
        return RequireWhereOmittingIsAmbiguous(DropDuplicateOverloads(planned.Select(p => p with { MethodName = free }).ToList()));
    }

    // A binary operator, an indexer or Contains: one positional argument, no default, a value back, not async.
    private static bool OneArgument(FunctionWrapper wrapper) =>
        wrapper.Parameters is [{ Passing: ArgumentPassing.Positional, DefaultLiteral: null }]
        && wrapper.ReturnType is not null && !wrapper.TakesCancellationToken;

    /// <summary>
    /// <paramref name="name"/>, or when the class already has a member of that name, the escape members of a class take
    /// (a trailing '_', repeated until free), with a message; the name is then taken.
    /// </summary>
    private string Free(PythonClass pythonClass, string pythonName, string name, ISet<string> used)
    {
        var free = name;
        while (used.Contains(free))
        {
            free += "_";
        }
        used.Add(free);
        if (free != name)
        {
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, pythonClass.Line,
                $"{_moduleName}: '{pythonClass.Name}.{pythonName}' would become the C# member '{name}', which the class already has; it is '{free}'."));
        }
        return free;
    }

    private List<OperatorWrapper> PlanOperators(PythonClass pythonClass, ClassType type, ISet<string> used)
    {
        var operators = new List<OperatorWrapper>();
        foreach (var (python, symbol, function, method) in BinaryOperators)
        {
            var planned = PlanSpecial(pythonClass, python, method ?? "operator " + symbol, method is null ? new HashSet<string>() : used, OneArgument);
            foreach (var wrapper in planned)
            {
                var operand = wrapper.Parameters[0];
                // Python's __eq__(self, other: object) compares with anything, the wrapper too: C# callers expect a == b of two wrappers.
                if (symbol is "==" or "!=" && operand.ValueType == ScalarType.Object)
                {
                    operand = operand with { ValueType = type };
                }
                var self = method is not null ? "this" : operand.CSharpName == "left" ? "self" : "left";
                var op = WithSelf(wrapper with { Parameters = [operand] }, type, self);
                if (symbol is "==" or "!=" && op.ReturnType == ScalarType.Bool)
                {
                    // Like any .NET ==, it takes nulls (a == null is false without asking Python), so its operands are nullable.
                    op = op with { Parameters = op.Parameters.Select(p => p.ValueType.IsValueType ? p : p with { Null = NullMeaning.None }).ToList() };
                }
                // Two overloads may now take the same types (xmlrpc's DateTime.__eq__: DateTime | datetime | str | object): one operator.
                if (operators.Any(o => o.Symbol == symbol && o.Function.MethodName == op.MethodName && ParameterKey(o.Function) == ParameterKey(op)))
                {
                    _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, pythonClass.Line,
                        $"{_moduleName}: two overloads of '{pythonClass.Name}.{python}' take the same C# operand types; one C# {(symbol is null ? "method" : "operator")} is generated for both."));
                    continue;
                }
                operators.Add(new OperatorWrapper(symbol, function, op));
            }
        }
        foreach (var (python, symbol, function) in UnaryOperators)
        {
            foreach (var wrapper in PlanSpecial(pythonClass, python, "operator " + symbol, new HashSet<string>(),
                w => w.Parameters.Count == 0 && w.ReturnType is not null && !w.TakesCancellationToken))
            {
                operators.Add(new OperatorWrapper(symbol, function, WithSelf(wrapper, type, "operand")));
            }
        }
        foreach (var (a, b) in OperatorPairs)
        {
            CompletePair(pythonClass, type, operators, a, b);
            CompletePair(pythonClass, type, operators, b, a);
        }
        return operators;
    }

    // The wrapper as the first argument Python's operator function takes.
    private static FunctionWrapper WithSelf(FunctionWrapper wrapper, ClassType type, string name) => wrapper with
    {
        Parameters = [new ParameterWrapper(-1, "self", name, type, NullMeaning.NotNullable, null, ArgumentPassing.Positional, KeywordAllowed: false), .. wrapper.Parameters],
    };

    /// <summary>
    /// C# wants <paramref name="b"/> for each signature of <paramref name="a"/>. It calls Python's own <paramref name="b"/>
    /// when Python can answer it: <c>!=</c>/<c>==</c> always (object inverts <c>__eq__</c>), an ordering when the class defines
    /// it or when the operand is the class itself (Python answers <c>a &gt; b</c> with <c>b.__lt__(a)</c>). Otherwise the
    /// <paramref name="a"/> operator is dropped, with a message.
    /// </summary>
    private void CompletePair(PythonClass pythonClass, ClassType type, List<OperatorWrapper> operators, string a, string b)
    {
        var (bPython, _, bFunction, _) = BinaryOperators.First(o => o.Symbol == b);
        foreach (var op in operators.Where(o => o.Symbol == a).ToList())
        {
            if (operators.Any(o => o.Symbol == b && OperatorKey(o) == OperatorKey(op)))
            {
                continue;
            }
            var answerable = a is "==" or "!=" || Special(pythonClass, bPython).Count > 0 || op.Function.Parameters[1].ValueType == type;
            if (answerable)
            {
                operators.Add(new OperatorWrapper(b, bFunction, op.Function with { PythonName = bPython }));
                continue;
            }
            operators.Remove(op);
            _diagnostics.Add(GenerationDiagnostic.Message(_sourceFile, pythonClass.Line,
                $"{_moduleName}: C# needs operator {a} and operator {b} together, and '{pythonClass.Name}' has {op.Function.PythonName} for "
                + $"{op.Function.Parameters[1].ValueType.ParameterSpelling} but no {bPython} Python could answer; neither operator is generated for that type."));
        }
    }

    // C# tells overloads apart by their parameter types only.
    private static string ParameterKey(FunctionWrapper function) => string.Join(",", function.Parameters.Select(OverloadKey));

    // C# pairs operators by parameter and return types.
    private static string OperatorKey(OperatorWrapper op) =>
        string.Join(",", op.Function.Parameters.Select(OverloadKey)) + "->" + op.Function.ReturnType!.Spelling;

    /// <summary>
    /// What iterating the wrapper gives and which collection interface fits: <c>__iter__</c>'s items
    /// (<c>Iterator[T]</c>, <c>Iterable[T]</c>, <c>Generator[T, …]</c>, or <c>__next__</c>'s return when <c>__iter__</c> returns the
    /// class itself); without <c>__iter__</c>, a sequence's items (<c>__len__</c> and <c>__getitem__(int)</c>, which Python iterates).
    /// </summary>
    private (CSharpType? Item, CollectionInterface Collection, FunctionWrapper? ListIndexer) PlanIteration(
        PythonClass pythonClass, ClassType type, ISet<string> used, string? countName, IReadOnlyList<FunctionWrapper> indexers)
    {
        var byInt = indexers.FirstOrDefault(i => i.Parameters[0].ValueType == ScalarType.Int && i.Parameters[0].Null == NullMeaning.NotNullable);
        var iter = Special(pythonClass, "__iter__").LastOrDefault();
        CSharpType? item;
        if (iter is not null)
        {
            item = IterationItem(pythonClass, type, iter);
        }
        else
        {
            item = countName is not null ? byInt?.ReturnType : null;
        }
        if (item is null)
        {
            return (null, CollectionInterface.None, null);
        }
        if (used.Contains("GetEnumerator"))
        {
            Note(iter ?? pythonClass.Methods.First(m => m.Name == "__getitem__"),
                $"'{pythonClass.Name}' is iterable, but the class already has a member 'GetEnumerator'; it does not implement IEnumerable (iterate PythonObject).");
            return (null, CollectionInterface.None, null);
        }
        used.Add("GetEnumerator");
        if (countName is not null && byInt is not null && byInt.ReturnType!.Spelling == item.Spelling)
        {
            return (item, CollectionInterface.ReadOnlyList, byInt);
        }
        return (item, countName is null ? CollectionInterface.Enumerable : CollectionInterface.ReadOnlyCollection, null);
    }

    private CSharpType? IterationItem(PythonClass pythonClass, ClassType type, PythonFunction iter)
    {
        var returns = iter.Returns;
        AnnotationNode? node = returns?.Type is { Kind: AnnotationKind.Name, Name: { } name } outer
            && TypeMapper.Canonical(name) is "typing.Iterator" or "collections.abc.Iterator" or "typing.Iterable" or "collections.abc.Iterable"
                or "typing.Generator" or "collections.abc.Generator"
            ? outer.Arguments.Count > 0 ? outer.Arguments[0] : AnyItem
            : null;
        if (returns is null)
        {
            node = AnyItem;
        }
        else if (node is null && TypeMapper.MapReturn(returns, _types).Type == type)
        {
            // An iterator class: __iter__ returns self, __next__ gives the items.
            var next = Special(pythonClass, "__next__").LastOrDefault();
            node = next?.Returns?.Type ?? (next is null ? null : AnyItem);
        }
        if (node is null)
        {
            Note(iter, $"'{pythonClass.Name}.__iter__' returns '{returns!.Text}', not Iterator[T] or Iterable[T], so the wrapper does not implement IEnumerable<T>; annotate it Iterator[T].");
            return null;
        }
        var annotation = new PythonAnnotation(returns?.Text ?? "Any", returns?.Line ?? iter.Line, returns?.Column ?? iter.Column, node);
        var mapping = TypeMapper.MapReturn(annotation, _types, type.Name + "Item");
        if (mapping.Problem is not null)
        {
            _diagnostics.Add(GenerationDiagnostic.Warning(DiagnosticCodes.UnmappedAnnotation, _sourceFile, annotation.Line, annotation.Column,
                $"The items of '{annotation.Text}', what {_scope}.__iter__ gives, cannot be mapped to a C# type: {mapping.Problem}. "
                + $"The wrapper is IEnumerable<{mapping.DisplayName}> instead; use a supported annotation, or 'Any' to make PyObject explicit."));
        }
        return mapping.Type ?? ScalarType.Object;
    }

    private static readonly AnnotationNode AnyItem = new(AnnotationKind.Name, "typing.Any", null, "Any");

    // __enter__ (no arguments besides self) when __exit__ exists too: the wrapper is a context manager.
    private FunctionWrapper? PlanEnter(PythonClass pythonClass, ISet<string> used)
    {
        var enter = Special(pythonClass, "__enter__");
        if (enter.Count == 0 || Special(pythonClass, "__exit__").Count == 0)
        {
            return null;
        }
        var planned = PlanSpecial(pythonClass, "__enter__", "Enter", used, w => w.Parameters.Count == 0 && !w.TakesCancellationToken);
        return planned.Count == 1 ? planned[0] : null;
    }
}
