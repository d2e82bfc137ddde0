using VoiceFunctions.Shared.Telephony.Numbers;

namespace VoiceFunctions.Shared.Tests.Telephony;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("+79952227978", "+79952227978")]
    [InlineData("79952227978", "+79952227978")]
    [InlineData("89952227978", "+79952227978")]
    [InlineData("9952227978", "+79952227978")]
    [InlineData("8 (995) 222-79-78", "+79952227978")]
    [InlineData("+7 495 123.45.67", "+74951234567")]
    [InlineData("+14155550123", "+14155550123")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Russian_and_international_forms_normalise_to_E164(string written, string expected)
    {
        Assert.True(PhoneNumber.TryParse(written, out var number, out var problem), problem);
        Assert.Equal(expected, number.E164);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("4951234567", "no country code")]
    [InlineData("+7995222797", "11 digits")]
    [InlineData("+799522279781", "11 digits")]
    [InlineData("+0123456789", "never starts with 0")]
    [InlineData("+1234567", "8 to 15 digits")]
    [InlineData("+1234567890123456", "8 to 15 digits")]
    [InlineData("+123456789012345678901234567890123", "more than 15 digits")]
    [InlineData("8995222797a", "'a' is not allowed")]
    [InlineData("+7+9952227978", "'+' is not allowed")]
    public void Numbers_without_an_E164_form_are_rejected_with_the_reason(string written, string reason)
    {
        Assert.False(PhoneNumber.TryParse(written, out _, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Digits_are_the_number_without_plus_as_providers_often_send_it()
    {
        PhoneNumber.TryParse("89952227978", out var number, out _);
        Assert.Equal("79952227978", number.Digits);
    }
}
