namespace PlainLib;

public static class Plain
{
    public static long Add(long a, long b) => a + b;
}
