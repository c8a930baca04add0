using System.Runtime.CompilerServices;
using AotLib;
using CSnakes.Runtime;
using CSnakes.Runtime.Converters;
using Microsoft.Extensions.DependencyInjection;
using static AotLib.AotDemoModule;

// Every line is checked by NativeAotTests; the app runs as a Native AOT executable with every other Python hidden.
// IsDynamicCodeSupported is false under Native AOT, and on the JIT runtime too for an app with PublishAot=true.
Console.WriteLine($"native: {!RuntimeFeature.IsDynamicCodeSupported}");

var services = new ServiceCollection().AddPython();
// By name only: the Untouched library is referenced but never named, so only the SDK's rooting of Python
// libraries at publish keeps it (and the module initializer that registers its modules) in the executable.
var registered = services.Where(d => d.ServiceType.Namespace is "AotLib" or "Untouched").Select(d => d.ServiceType.FullName).Order();
Console.WriteLine($"registered: {string.Join(",", registered)}");

using var provider = services.BuildServiceProvider();
var demo = provider.GetRequiredService<IAotDemo>();

Console.WriteLine($"list: {string.Join(",", demo.Doubled([1, 2, 3]))}");

var lengths = demo.WordLengths(["a", "abc"]);
Console.WriteLine($"dict: {string.Join(",", lengths.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}");

Reading reading = demo.MakeReading("t1", 2.5);
Console.WriteLine($"record: {reading.Sensor} {reading.Value} {demo.Describe(reading with { Value = 3.5 })}");

try
{
    demo.Fail("boom");
    Console.WriteLine("exception: none");
}
catch (PythonInvocationException e)
{
    Console.WriteLine($"exception: {e.PythonTypeName}: {e.PythonMessage}");
}

Console.WriteLine($"async: {await demo.DelayedSum(2, 3)}");

// The dynamic API with converters the app names: no reflection, so no AOT warning and no missing code.
var longs = new ListConverter<long>(IntConverter.Instance);
using PyObject list = PyObject.From<IReadOnlyList<long>>([4, 5, 6], longs);
using PyObject text = PyObject.From("seven");
Console.WriteLine($"from/as: {list.Repr()} {string.Join(",", list.As(longs))} {text.As(StrConverter.Instance)}");
