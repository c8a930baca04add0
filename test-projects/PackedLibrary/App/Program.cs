using CSnakes.Runtime;
using Packed.PyPkg;
using PyLocal;

using var env = PythonEnvironment.Start();
Console.WriteLine($"packaged: {env.Pkgmod().PackagedAnswer()}");
Console.WriteLine($"nested: {env.SubHelpers().Twice(21)}");
Console.WriteLine($"local: {env.Local().LocalHello("app")}");
Console.WriteLine($"prefix: {env.Pkgmod().PythonPrefix()}");
