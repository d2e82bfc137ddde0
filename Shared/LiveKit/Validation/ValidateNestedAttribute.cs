using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Shared.Validation;

/// <summary>
/// Validates an options object held in a property with its own data annotations, and reports each
/// problem prefixed with the property name. (ValidateDataAnnotations does not look inside nested objects,
/// and IValidatableObject is skipped when any property fails, so a nested problem would go unreported.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidateNestedAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null)
        {
            return ValidationResult.Success;
        }
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            return ValidationResult.Success;
        }
        var name = validationContext.MemberName ?? validationContext.DisplayName;
        return new ValidationResult(
            string.Join("; ", results.Select(r => $"{name}: {r.ErrorMessage}")),
            results.SelectMany(r => r.MemberNames).Select(member => $"{name}.{member}").ToArray());
    }
}
