using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Functions.Recording;

namespace VoiceFunctions.Functions.Tests.Recording;

/// <summary>
/// How recording links are signed: with the account key when one is configured, else as user-delegation SAS with the
/// managed identity's delegation key (asked for once per key lifetime, not per link); the link's terms are one blob,
/// only the permissions asked for, a start a few minutes back and the expiry asked for.
/// </summary>
public sealed class RecordingSasSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 23, 0, 0, TimeSpan.Zero);

    private static CallRecordingOptions Options(string key = "") => new()
    {
        Enabled = true, BlobServiceUri = "https://account1.blob.core.windows.net", AccountName = "account1", AccountKey = key, ContainerName = "recordings",
    };

    private sealed class FakeDelegationKeys : IUserDelegationKeySource
    {
        public List<DateTimeOffset> Asked { get; } = [];

        public Task<UserDelegationKey> GetAsync(DateTimeOffset validUntil, CancellationToken ct)
        {
            Asked.Add(validUntil);
            return Task.FromResult(BlobsModelFactory.UserDelegationKey("11111111-2222-3333-4444-555555555555", "66666666-7777-8888-9999-000000000000",
                Now.AddMinutes(-5), Now.AddHours(12), "b", "2021-08-06", Convert.ToBase64String(new byte[32])));
        }
    }

    [Fact]
    public void An_account_key_signs_service_sas_and_no_key_means_user_delegation()
    {
        Assert.Equal(RecordingSigningMode.AccountKey, RecordingSasSigner.ModeFor(Options("a2V5")));
        Assert.Equal(RecordingSigningMode.UserDelegation, RecordingSasSigner.ModeFor(Options()));
    }

    [Fact]
    public async Task Without_an_account_key_the_upload_link_is_a_user_delegation_sas_for_one_blob_create_and_write_only_until_its_expiry()
    {
        var keys = new FakeDelegationKeys();
        var o = Microsoft.Extensions.Options.Options.Create(Options());
        var time = new FakeTimeProvider(Now);
        var signer = new RecordingSasSigner(o, keys, time);

        var link = await signer.SignAsync("calls/c1.wav", BlobSasPermissions.Create | BlobSasPermissions.Write, Now.AddMinutes(30), CancellationToken.None);

        Assert.Equal("https://account1.blob.core.windows.net/recordings/calls/c1.wav", link.GetLeftPart(UriPartial.Path));
        var q = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("cw", q["sp"]);
        Assert.Equal("b", q["sr"]);
        Assert.Equal("https", q["spr"]);
        Assert.Equal("2026-12-06T22:55:00Z", q["st"]);
        Assert.Equal("2026-12-06T23:30:00Z", q["se"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", q["skoid"]); // signed by the identity's delegation key
        Assert.False(string.IsNullOrEmpty(q["sig"]));
        Assert.Equal([Now.AddMinutes(30)], keys.Asked);
    }

    [Fact]
    public async Task With_an_account_key_the_read_link_is_a_service_sas_and_no_delegation_key_is_asked_for()
    {
        var keys = new FakeDelegationKeys();
        var signer = new RecordingSasSigner(Microsoft.Extensions.Options.Options.Create(Options(Convert.ToBase64String(new byte[64]))), keys, new FakeTimeProvider(Now));

        var link = await signer.SignAsync("calls/c1.ogg", BlobSasPermissions.Read, Now.AddMinutes(15), CancellationToken.None);

        var q = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal(("r", "b", "2026-12-06T23:15:00Z"), (q["sp"], q["sr"], q["se"]));
        Assert.Null(q["skoid"]);
        Assert.Empty(keys.Asked);
    }

    [Theory]
    [InlineData(false, "", true)] // LiveKit mode needs the key: its egress uploads with it
    [InlineData(true, "", false)] // direct mode: user delegation
    public void The_account_key_is_required_only_in_livekit_mode(bool directMode, string key, bool refused)
    {
        var options = Options(key);
        typeof(CallRecordingOptions).GetProperty("DirectMode", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.SetValue(options, directMode);
        var result = new CallRecordingOptionsValidator().Validate(null, options);
        Assert.Equal(refused, result.Failed);
    }
}
