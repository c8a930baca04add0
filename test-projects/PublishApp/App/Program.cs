using CSnakes.Runtime;
using PyLib;

using var env = PythonEnvironment.Start();
Console.WriteLine($"prefix: {env.Where().Prefix()}");
Console.WriteLine($"executable: {env.Where().Executable()}");
Console.WriteLine($"wheel: {env.Where().WheelAnswer()}");
Console.WriteLine($"stdlib: {env.Where().StdlibCheck()}");
