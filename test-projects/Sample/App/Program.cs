using CSnakes.Runtime;
using Demo;

using var env = PythonEnvironment.Start();

Console.WriteLine(env.Demo().HelloWorld("Ada", 36));

IReadOnlyList<double> scaled = env.Demo().Scale([1.0, 2.5, 4.0]);
Console.WriteLine($"scale: {string.Join(", ", scaled)}");

IReadOnlyDictionary<string, long> lengths = env.Demo().WordLengths(["snake", "csharp"]);
Console.WriteLine($"word_lengths: {string.Join(", ", lengths.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");

IReadOnlyList<double> smooth = env.StatsSmoothing().Ewma([1.0, 2.0, 3.0, 4.0], 0.5);
Console.WriteLine($"ewma: {string.Join(", ", smooth)}");
