using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace VoiceFunctions.Shared.Telephony.Deployment.Parsing;

/// <summary>One key of a mapping in the deployment file, described by the model's attributes.</summary>
public sealed class ConfigProperty
{
    internal ConfigProperty(PropertyInfo property, ConfigKeyAttribute key)
    {
        Property = property;
        Key = key.Name;
        IsRequired = property.GetCustomAttribute<RequiredAttribute>() is not null;
        Range = property.GetCustomAttribute<RangeAttribute>();
        Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
    }

    public PropertyInfo Property { get; }

    public string Key { get; }

    public bool IsRequired { get; }

    public RangeAttribute? Range { get; }

    public string? Description { get; }

    public Type Type => Property.PropertyType;
}
