using System.Globalization;
using CSnakes.Runtime;
using NumpyLib;

using var env = PythonEnvironment.Start();
var stats = env.Stats();
Console.WriteLine($"numpy: {stats.NumpyVersion()}");
Console.WriteLine($"numpy from: {stats.NumpyLocation()}");
IReadOnlyList<double> sums = stats.Cumulative([1.0, 2.0, 3.5]);
Console.WriteLine($"cumulative: {string.Join(";", sums.Select(v => v.ToString(CultureInfo.InvariantCulture)))}");
using (IPyBuffer grid = stats.Grid(2, 3))
{
    double total = 0;
    foreach (double value in grid.AsReadOnlySpan<double>())
    {
        total += value;
    }
    Console.WriteLine($"grid: {string.Join("x", grid.Shape)} sum {total.ToString(CultureInfo.InvariantCulture)}");
}
Console.WriteLine($"extra: {stats.Extra()}");
