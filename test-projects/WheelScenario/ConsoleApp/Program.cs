using CSnakes.Runtime;
using PyLib;

using var env = PythonEnvironment.Start();
Console.WriteLine($"greet: {env.Greetings().Greet("e2e")}");
Console.WriteLine($"shout: {env.ToolsText().Shout("hi", 2)}");
Console.WriteLine($"wheel: {env.Greetings().WheelAnswer()}");
