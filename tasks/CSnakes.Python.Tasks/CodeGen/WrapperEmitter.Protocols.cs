namespace CSnakes.Python.Tasks.CodeGen;

// A class's special methods as C# members: operators, Count/indexers/enumeration, Enter + a Dispose that exits.
internal sealed partial class WrapperEmitter
{
    // Registers the converters the protocol members use, before the class's converter fields are written.
    private void CollectProtocolConverters(ClassProtocols protocols)
    {
        CollectConverters(protocols.Operators.Select(o => o.Function));
        CollectConverters(protocols.Indexers);
        if (protocols.Enter is { } enter)
        {
            CollectConverters([enter]);
        }
        if (protocols.ItemType is { } item && item.LazyConverterExpression("") is null)
        {
            Register(item);
        }
    }

    /// <summary>The interfaces after <c>IDisposable</c> in the class declaration.</summary>
    private static string CollectionInterfaces(ClassProtocols protocols) => protocols.Collection switch
    {
        CollectionInterface.Enumerable => $", {DotNetNames.IEnumerable}<{protocols.ItemType!.Spelling}>",
        CollectionInterface.ReadOnlyCollection => $", {DotNetNames.IReadOnlyCollection}<{protocols.ItemType!.Spelling}>",
        CollectionInterface.ReadOnlyList => $", {DotNetNames.IReadOnlyList}<{protocols.ItemType!.Spelling}>",
        _ => "",
    };

    private void EmitProtocols(ClassType type, ClassProtocols protocols)
    {
        var qualified = type.PythonModule + "." + type.PythonClass;
        if (protocols.CountName is { } count)
        {
            _writer.Line();
            EmitCount(protocols, count);
        }
        foreach (var indexer in protocols.Indexers)
        {
            _writer.Line();
            EmitIndexer(indexer, qualified);
        }
        if (protocols.ListIndexer is { } listIndexer)
        {
            _writer.Line();
            _writer.Line("/// <inheritdoc/>");
            _writer.Line($"{protocols.ItemType!.Spelling} {DotNetNames.IReadOnlyList}<{protocols.ItemType.Spelling}>.this[int {listIndexer.Parameters[0].CSharpName}] => this[{listIndexer.Parameters[0].CSharpName}];");
        }
        if (protocols.ItemType is { } item && protocols.Collection != CollectionInterface.None)
        {
            _writer.Line();
            EmitEnumerator(item, qualified);
        }
        foreach (var op in protocols.Operators)
        {
            _writer.Line();
            EmitOperator(type, op);
        }
        if (protocols.DefinesEquality)
        {
            _writer.Line();
            EmitEquality(type);
        }
        if (protocols.Enter is { } enter)
        {
            _writer.Line();
            EmitEnter(enter, qualified);
        }
    }

    private void EmitCount(ClassProtocols protocols, string name)
    {
        XmlDoc.Write(_writer, "summary", ["The number of items: Python's <c>len()</c> of the instance (<c>__len__</c>)."]);
        // len() is a Python int; a .NET collection counts in int, and more items than that is an OverflowException.
        _writer.Line($"public int {name} => checked((int)PythonObject.Length());");
        if (name != "Count" && protocols.Collection != CollectionInterface.None)
        {
            _writer.Line($"int {DotNetNames.IReadOnlyCollection}<{protocols.ItemType!.Spelling}>.Count => {name};");
        }
    }

    private void EmitIndexer(FunctionWrapper indexer, string qualified)
    {
        var pythonName = qualified + ".__getitem__";
        WriteFunctionDocs(indexer, $"Python's <c>obj[key]</c> (<c>{XmlDoc.Escape(pythonName)}</c>).");
        if (indexer.MethodName != "Item")
        {
            // The class has a member named Item, the name C# gives indexers.
            _writer.Line($"[{DotNetNames.IndexerName}({CSharpLiterals.String(indexer.MethodName)})]");
        }
        using (_writer.Block($"public {ReturnSpelling(indexer)} this[{ParameterList(indexer, withDefaults: false)}]"))
        {
            _writer.Line("get");
            EmitCallBody(indexer, "__method", pythonName, ["using var __method = PythonObject.GetAttr(\"__getitem__\");"]);
        }
    }

    // Lazy like Python's iteration: iter() on the first MoveNext, then one next() and one conversion per step, each under
    // the GIL, each item's reference released once converted; disposing the enumerator releases the Python iterator.
    private void EmitEnumerator(CSharpType item, string qualified)
    {
        var context = CSharpLiterals.String(qualified + ".__iter__");
        var converter = item.LazyConverterExpression(context) ?? ConverterReference(item);
        XmlDoc.Write(_writer, "summary", ["Iterates the Python instance (<c>iter()</c>), one item per step; the GIL is taken for each step only."]);
        _writer.Line($"public {DotNetNames.IEnumerator}<{item.Spelling}> GetEnumerator() => PythonObject.AsEnumerable({converter}).GetEnumerator();");
        _writer.Line();
        _writer.Line($"{DotNetNames.NonGenericIEnumerator} {DotNetNames.NonGenericIEnumerable}.GetEnumerator() => GetEnumerator();");
    }

    private void EmitOperator(ClassType type, OperatorWrapper op)
    {
        var function = op.Function;
        var pythonName = type.PythonModule + "." + type.PythonClass + "." + function.PythonName;
        var call = $"operator.{op.OperatorFunction}";
        XmlDoc.Write(_writer, "summary",
            [$"Python's <c>{XmlDoc.Escape(PythonExpression(op))}</c> (<c>{call}</c>, which calls <c>{XmlDoc.Escape(function.PythonName)}</c> and follows Python's rules for reflected operators)."]);
        XmlDoc.Write(_writer, "remarks", [$"Python: <c>{XmlDoc.Escape(OneLine(function.PythonSignature))}</c>"]);
        var getOperator = $"using var __operator = {PythonClassesGet}(\"operator\", {CSharpLiterals.String(op.OperatorFunction)});";
        if (op.Symbol is null)
        {
            // A method on the instance (FloorDivide): the wrapper itself is the left operand.
            var own = function with { Parameters = function.Parameters.Skip(1).ToList() };
            _writer.Line($"public {ReturnSpelling(function)} {function.MethodName}({ParameterList(own, withDefaults: false)})");
            using (_writer.Block())
            {
                EmitNullChecks(own, pythonName);
                using (_writer.Block(AcquireGil))
                {
                    EmitCall(function, "__operator", pythonName, [getOperator]);
                }
            }
            return;
        }
        _writer.Line($"public static {ReturnSpelling(function)} operator {op.Symbol}({ParameterList(function, withDefaults: false)})");
        using (_writer.Block())
        {
            if (op.Symbol is "==" or "!=" && function.ReturnType == ScalarType.Bool)
            {
                // Like any .NET ==: null equals only null, without asking Python.
                var (left, right) = (function.Parameters[0].CSharpName, function.Parameters[1].CSharpName);
                _writer.Line($"if ({left} is null || (object?){right} is null) return (object?){left} {op.Symbol} (object?){right};");
            }
            EmitNullChecks(function, pythonName);
            using (_writer.Block(AcquireGil))
            {
                EmitCall(function, "__operator", pythonName, [getOperator]);
            }
        }
    }

    // "self + other", "-self": what the C# operator does, in Python.
    private static string PythonExpression(OperatorWrapper op) => op.Function.Parameters.Count switch
    {
        1 => $"{op.Symbol}self",
        _ => $"self {op.Symbol ?? "//"} {op.Function.Parameters[1].PythonName}",
    };

    // == is declared, so C# wants Equals and GetHashCode to agree with it (CS0660, CS0661): both are Python's.
    private void EmitEquality(ClassType type)
    {
        XmlDoc.Write(_writer, "summary", ["Python's <c>==</c> with another wrapper of this class (<c>__eq__</c>); a wrapper of the same instance is equal."]);
        _writer.Line($"public override bool Equals(object? obj) => obj is {type.Spelling} other && (object.ReferenceEquals(this, other) || PythonObject.Equals(other.PythonObject));");
        _writer.Line();
        XmlDoc.Write(_writer, "summary",
            ["Python's <c>hash()</c> of the instance. A class that defines <c>__eq__</c> without <c>__hash__</c> is unhashable in Python, and this throws as <c>hash()</c> does."]);
        _writer.Line("public override int GetHashCode() => PythonObject.GetHashCode();");
    }

    private const string EnteredField = "__entered";

    private void EmitEnter(FunctionWrapper enter, string qualified)
    {
        var pythonName = qualified + ".__enter__";
        _writer.Line("// 1 once Enter() succeeded: Dispose() then calls __exit__, once.");
        _writer.Line($"private int {EnteredField};");
        _writer.Line();
        WriteFunctionDocs(enter with { Docstring = null },
            $"Enters the Python context manager (<c>{XmlDoc.Escape(pythonName)}</c>) and returns what it returns; <see cref=\"Dispose\"/> then leaves it "
            + "(<c>__exit__(None, None, None)</c>), as the end of a Python <c>with</c> block does.");
        var returns = ReturnSpelling(enter);
        using (_writer.Block($"public {returns} {enter.MethodName}()"))
        {
            _writer.Line(enter.ReturnType is null ? "__Enter();" : $"{returns} __result = __Enter();");
            _writer.Line($"{DotNetNames.Volatile}.Write(ref {EnteredField}, 1);");
            if (enter.ReturnType is not null)
            {
                _writer.Line("return __result;");
            }
        }
        _writer.Line();
        _writer.Line($"private {returns} __Enter()");
        EmitCallBody(enter, "__method", pythonName, ["using var __method = PythonObject.GetAttr(\"__enter__\");"]);
    }

    // A context manager's Dispose leaves it (only when Enter() entered it: Python never calls __exit__ without __enter__),
    // then releases the instance even when __exit__ raises.
    private void EmitExitingDispose(FunctionWrapper enter)
    {
        XmlDoc.Write(_writer, "summary",
            [$"Leaves the Python context manager if <see cref=\"{enter.MethodName}\"/> entered it (<c>__exit__(None, None, None)</c>, once), then releases the Python instance."]);
        using (_writer.Block("public void Dispose()"))
        {
            using (_writer.Block("try"))
            using (_writer.Block($"if ({DotNetNames.Interlocked}.Exchange(ref {EnteredField}, 0) == 1)"))
            using (_writer.Block(AcquireGil))
            {
                _writer.Line("using var __method = PythonObject.GetAttr(\"__exit__\");");
                _writer.Line($"using var __call = new {DotNetNames.PyCall}(stackalloc nint[{DotNetNames.PyCall}.SlotsFor(3)]);");
                _writer.Line("__call.AddNone();");
                _writer.Line("__call.AddNone();");
                _writer.Line("__call.AddNone();");
                _writer.Line("__call.Invoke(__method);");
            }
            using (_writer.Block("finally"))
            {
                _writer.Line("PythonObject.Dispose();");
            }
        }
    }
}
