using System.Reflection;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>A shallow copy of an options object (every public settable property), so one call can change a few
/// settings without touching the host's shared instance, and settings added later are copied too.</summary>
internal static class OptionsCopy
{
    public static T Of<T>(T source) where T : class, new()
    {
        var copy = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property is { CanRead: true, CanWrite: true } && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(copy, property.GetValue(source));
            }
        }
        return copy;
    }
}
