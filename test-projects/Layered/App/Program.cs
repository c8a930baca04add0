using CSnakes.Runtime;

using var env = PythonEnvironment.Start();
Console.WriteLine(Mid.MidLayer.Describe(env));
