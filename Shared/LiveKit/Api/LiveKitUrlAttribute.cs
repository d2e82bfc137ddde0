using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>The value must be an absolute http, https, ws or wss URL (empty is left to [Required]).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LiveKitUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string { Length: > 0 } url || LiveKitUrl.TryToHttpBase(url, out _)
            ? ValidationResult.Success
            : new ValidationResult($"LiveKit {validationContext.MemberName} '{url}' must be an absolute http, https, ws or wss URL", [validationContext.MemberName!]);
}
