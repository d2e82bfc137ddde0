using VoiceFunctions.Functions.Recording;

namespace VoiceFunctions.Functions.Tests.Recording;

/// <summary>Recording settings are checked at start-up with a reason per mistake; links are signed only for our container.</summary>
public sealed class RecordingOptionsTests
{
    private static CallRecordingOptions Valid() => new()
    {
        Enabled = true, BlobServiceUri = "https://calls.blob.core.windows.net", AccountName = "calls", AccountKey = "<key>", ContainerName = "recordings",
    };

    [Fact]
    public void Disabled_recording_needs_no_storage_settings() =>
        Assert.True(new CallRecordingOptionsValidator().Validate(null, new CallRecordingOptions()).Succeeded);

    [Theory]
    [InlineData("BlobServiceUri", "ftp://calls", "Recording:BlobServiceUri")]
    [InlineData("AccountName", "", "Recording:AccountName")]
    [InlineData("AccountKey", " ", "Recording:AccountKey")]
    [InlineData("ContainerName", "Recordings!", "Recording:ContainerName")]
    [InlineData("LinkLifetime", "2.00:00:00", "Recording:LinkLifetime")]
    public void Each_bad_setting_is_refused_naming_the_setting(string setting, string value, string named)
    {
        var options = Valid();
        switch (setting)
        {
            case "BlobServiceUri": options.BlobServiceUri = value; break;
            case "AccountName": options.AccountName = value; break;
            case "AccountKey": options.AccountKey = value; break;
            case "ContainerName": options.ContainerName = value; break;
            default: options.LinkLifetime = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = new CallRecordingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Single(result.Failures!);
        Assert.Contains(named, result.FailureMessage);
        Assert.DoesNotContain("<key>", result.FailureMessage);
    }

    [Fact]
    public void Only_the_configured_numbers_are_recorded_and_an_empty_list_means_all()
    {
        var some = Valid();
        some.Numbers = ["+74950000000"];
        Assert.True(some.Records("+74950000000"));
        Assert.False(some.Records("+74951111111"));
        Assert.False(some.Records(null));
        Assert.True(Valid().Records(null));
        Assert.False(new CallRecordingOptions { Numbers = [] }.Records("+74950000000"));
    }

    [Theory]
    [InlineData("https://calls.blob.core.windows.net/recordings/calls/a.ogg", "calls/a.ogg")]
    [InlineData("https://calls.blob.core.windows.net/other/calls/a.ogg", null)]
    [InlineData("https://evil.example/recordings/calls/a.ogg", null)]
    [InlineData("https://calls.blob.core.windows.net/recordings/../secrets/a", null)]
    [InlineData("https://calls.blob.core.windows.net/recordings/", null)]
    public void A_link_is_only_signed_for_a_blob_in_the_configured_container(string location, string? blob) =>
        Assert.Equal(blob, RecordingBlobs.BlobNameOf(Valid(), location));
}
