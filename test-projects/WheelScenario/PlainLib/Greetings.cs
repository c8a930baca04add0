namespace PlainLib;

public static class Greetings
{
    public static string Greet(string name) => $"Hello, {name}!";
}
