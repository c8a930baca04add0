using CSnakes.Runtime;
using Hostile;

// Calls every wrapper generated from the hostile modules; the e2e test compares the printed lines.
using var env = PythonEnvironment.Start();

IKeywords keywords = env.Keywords();
Console.WriteLine($"lock: {keywords.Lock(1, "p")}");
Console.WriteLine($"event: {keywords.Event(2, 3)}");
Console.WriteLine($"keywords: {keywords.Keywords()}");
Console.WriteLine($"to_string: {keywords.ToString()}");
Console.WriteLine($"get_hash_code: {keywords.GetHashCode()}");
Console.WriteLine($"python_module: {keywords.PythonModule()}");
Console.WriteLine($"locals_clash: {keywords.LocalsClash(1, 2, 3, 4, 5, 6)}");

IAnnotations annotations = env.Annotations();
using (var five = PyObject.From(5L))
using (var same = annotations.UnknownType(five))
{
    Console.WriteLine($"unknown_type: {same}");
}

using (var two = PyObject.From(2L))
{
    Console.WriteLine($"string_garbage: {annotations.StringGarbage(two)}");
}

IDefaults defaults = env.Defaults();
Console.WriteLine($"huge_int: {defaults.HugeInt()}");
Console.WriteLine($"infinite_float: {defaults.InfiniteFloat()}");
Console.WriteLine($"computed: {defaults.Computed()}");
Console.WriteLine($"computed_given: {defaults.Computed(7, 0.5)}");
Console.WriteLine($"none_for_int: {defaults.NoneForInt()}");
Console.WriteLine($"wrong_type: {defaults.WrongType()}");
Console.WriteLine($"odd_string: {defaults.OddString()}");
Console.WriteLine($"tuple_default: {defaults.TupleDefault()}");
Console.WriteLine($"positional_only_computed: {defaults.PositionalOnlyComputed(4)} {defaults.PositionalOnlyComputed()}");
Console.WriteLine($"negative_and_minus_zero: {defaults.NegativeAndMinusZero()}");

Console.WriteLine($"cafe: {env.Latin1().Cafe()}");
Console.WriteLine($"bom: {env.WithBom().Bom()}");
Console.WriteLine($"wheel: {env.UsesWheel().WheelAnswer()}");
