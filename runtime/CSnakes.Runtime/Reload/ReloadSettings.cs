namespace CSnakes.Runtime.Reload;

/// <summary>When Python modules are reloaded on change: only where the build recorded the source folders (never in a
/// published app), and, unless the options say so, only under <c>dotnet watch</c> or in the Development environment.</summary>
internal static class ReloadSettings
{
    public static bool IsEnabled(PythonEnvironmentOptions options, Func<string, string?> variable)
    {
        if (options.SourceRoots.Count == 0)
        {
            return false;
        }
        if (options.ReloadModules is { } explicitly)
        {
            return explicitly;
        }
        return variable("DOTNET_WATCH") == "1"
            || string.Equals(variable("DOTNET_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase)
            || string.Equals(variable("ASPNETCORE_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase);
    }
}
