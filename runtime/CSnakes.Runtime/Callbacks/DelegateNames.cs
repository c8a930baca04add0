namespace CSnakes.Runtime.Callbacks;

/// <summary>Readable names of delegate types for messages: <c>Func&lt;Int64, String&gt;</c>.</summary>
internal static class DelegateNames
{
    public static string Of(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name;
        int tick = name.IndexOf('`');
        string bare = tick < 0 ? name : name[..tick];
        return $"{bare}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }

    public static string Callback(Type type) => ".NET callback " + Of(type);
}
