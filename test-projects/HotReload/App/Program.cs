using CSnakes.Runtime;
using Lib;

// Calls Python every 50 ms and prints each new answer, so a test driving `dotnet watch` sees a reload take effect.
using var env = PythonEnvironment.Start();
var counter = env.Counter();
long last = long.MinValue;
var until = DateTime.UtcNow.AddMinutes(4);
while (DateTime.UtcNow < until)
{
    long value = counter.Value();
    if (value != last)
    {
        Console.WriteLine($"value: {value}");
        last = value;
    }
    Thread.Sleep(50);
}
