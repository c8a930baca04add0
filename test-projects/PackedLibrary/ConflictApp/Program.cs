System.Console.WriteLine("unreachable: the build fails");
