Console.WriteLine("plain");
