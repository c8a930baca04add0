namespace CSnakes.Python.Tasks.CodeGen;

/// <summary>
/// <c>Callable[[A, B], R]</c> as a parameter: <c>Func&lt;A, B, R&gt;</c>, or <c>Action&lt;A, B&gt;</c>
/// when <c>R</c> is <c>None</c> (<see cref="Result"/> null). The runtime turns the delegate into a
/// Python function (FuncConverter/ActionConverter, up to <see cref="MaxParameters"/> arguments).
/// </summary>
internal sealed record CallableType(IReadOnlyList<CSharpType> Parameters, CSharpType? Result) : CSharpType
{
    public const int MaxParameters = 4;

    private string Kind => Result is null ? "Action" : "Func";

    private string Delegate => Result is null ? DotNetNames.Action : DotNetNames.Func;

    private IEnumerable<CSharpType> TypeArguments => Result is null ? Parameters : Parameters.Append(Result);

    private bool IsPlainAction => Result is null && Parameters.Count == 0;

    public override string Spelling => IsPlainAction ? DotNetNames.Action : $"{Delegate}<{string.Join(", ", TypeArguments.Select(t => t.Spelling))}>";

    public override bool IsValueType => false;

    public override string ConverterType => IsPlainAction
        ? DotNetNames.Converter("ActionConverter")
        : $"{DotNetNames.Converter(Kind + "Converter")}<{string.Join(", ", TypeArguments.Select(t => t.Spelling))}>";

    public override string ConverterExpression => IsPlainAction
        ? ConverterType + ".Instance"
        : $"new {ConverterType}({string.Join(", ", TypeArguments.Select(t => t.ConverterExpression))})";

    public override bool HasSingletonConverter => IsPlainAction;

    public override string NameFragment =>
        Kind
        + (Parameters.Count == 0 ? "" : "Of" + string.Join("And", Parameters.Select(p => p.NameFragment)))
        + (Result is null ? "" : "To" + Result.NameFragment);

    public bool Equals(CallableType? other) => other is not null && Parameters.SequenceEqual(other.Parameters) && Equals(Result, other.Result);

    public override int GetHashCode() => Parameters.Aggregate(Result?.GetHashCode() ?? 7, (hash, item) => hash * 31 + item.GetHashCode());
}
