using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Configuration;
using VoiceFunctions.Shared.LiveKit.Api;

namespace VoiceFunctions.Functions.Tests.Infra;

/// <summary>
/// Every name in <see cref="ControlPlaneSettings"/> is one the control plane really reads — an options property
/// under its section, or a timer's %schedule% binding — so the template test above covers the real settings.
/// </summary>
public sealed class ControlPlaneSettingsTests
{
    // The function app and the Shared projects whose options it binds (call storage; the LiveKit client, which also holds the redaction options).
    private static readonly Assembly[] Assemblies = [typeof(ControlPlaneServices).Assembly, typeof(CallStoreOptions).Assembly, typeof(LiveKitApiOptions).Assembly];

    // Sections bound without a SectionName constant on their options class.
    private static readonly Dictionary<string, Type> UnnamedSections = new(StringComparer.Ordinal)
    {
        ["LiveKit"] = typeof(LiveKitApiOptions),
    };

    [Fact]
    public void Every_listed_setting_is_read_by_an_options_property_or_a_timer_binding()
    {
        var timerSchedules = TimerScheduleSettings();
        foreach (var setting in ControlPlaneSettings.All)
        {
            var parts = setting.Split("__");
            if (parts.Length == 1)
            {
                Assert.True(timerSchedules.Contains(setting), $"{setting} is neither an options setting nor a timer schedule binding");
                continue;
            }
            var options = OptionsType(parts[0]);
            Assert.True(options is not null, $"{setting}: no options class binds section '{parts[0]}'");
            var property = options!.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is not null && property.CanWrite, $"{setting}: {options.Name} has no settable property {parts[1]}");
            if (parts.Length == 3)
            {
                Assert.True(property!.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>),
                    $"{setting}: {options.Name}.{parts[1]} is not a dictionary keyed by '{parts[2]}'");
            }
        }
    }

    [Fact]
    public void Every_timer_schedule_binding_is_a_listed_setting()
    {
        Assert.All(TimerScheduleSettings(), name => Assert.Contains(name, ControlPlaneSettings.All));
    }

    [Fact]
    public void Secrets_are_a_subset_of_the_listed_settings()
    {
        Assert.All(ControlPlaneSettings.Secrets, name => Assert.Contains(name, ControlPlaneSettings.All));
    }

    private static Type? OptionsType(string section) =>
        UnnamedSections.GetValueOrDefault(section)
        ?? Assemblies.SelectMany(a => a.GetTypes())
            .FirstOrDefault(t => t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                                 && (string?)field.GetRawConstantValue() == section);

    private static HashSet<string> TimerScheduleSettings() =>
        typeof(ControlPlaneServices).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
            .Where(s => s is not null && s.StartsWith('%') && s.EndsWith('%'))
            .Select(s => s![1..^1])
            .ToHashSet(StringComparer.Ordinal);
}
