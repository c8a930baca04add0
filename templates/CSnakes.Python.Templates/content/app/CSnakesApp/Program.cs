using CSnakes.Runtime;
using CSnakesApp.Python;

// Starts the Python the build chose (read from the manifest next to this program) in this process.
using var env = PythonEnvironment.Start();

Console.WriteLine(env.Greetings().Greet("world", excited: true));
foreach (var (word, length) in env.Greetings().WordLengths(["python", "and", "dotnet"]))
{
    Console.WriteLine($"{word}: {length}");
}
