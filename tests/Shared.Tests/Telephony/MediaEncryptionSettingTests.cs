using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;
using static VoiceFunctions.Shared.Tests.Telephony.DeploymentFixtures;

namespace VoiceFunctions.Shared.Tests.Telephony;

/// <summary>voice.yaml's media_encryption on a trunk: read, refused with its line when misspelt, mapped to LiveKit's enum.</summary>
public class MediaEncryptionSettingTests
{
    private const string Trunks = """
        inbound_trunks:
          - name: provider
            numbers: ["+79952227978"]
            allowed_addresses: [192.0.2.0/28]
            media_encryption: required
        outbound_trunks:
          - name: carrier
            address: sip.example.net
            transport: tls
            media_encryption: allowed
        dispatch_rules:
          - name: all
            type: individual
            room_prefix: call-
            trunks: [provider]

        """;

    [Fact]
    public void Each_trunk_reads_its_setting_and_maps_to_LiveKits_media_encryption()
    {
        var document = Load(Header + Trunks);

        Assert.True(document.IsValid, Codes(document));
        Assert.Equal(MediaEncryptionSetting.Required, document.File!.InboundTrunks[0].MediaEncryption);
        Assert.Equal(MediaEncryptionSetting.Allowed, document.File.OutboundTrunks[0].MediaEncryption);
        var state = DesiredStateBuilder.Build(document.File, _ => "x", out _);
        Assert.Equal(SipMediaEncryption.Require, state.InboundTrunks[0].MediaEncryption);
        Assert.Equal(SipMediaEncryption.Allow, state.OutboundTrunks[0].MediaEncryption);
    }

    [Fact]
    public void A_trunk_without_the_key_is_off_which_LiveKit_calls_disable()
    {
        var document = Load(Header + Trunks.Replace("    media_encryption: required\n", "", StringComparison.Ordinal));

        Assert.True(document.IsValid, Codes(document));
        Assert.Equal(MediaEncryptionSetting.Off, document.File!.InboundTrunks[0].MediaEncryption);
        Assert.Equal(SipMediaEncryption.Disable, DesiredStateBuilder.Build(document.File, _ => "x", out _).InboundTrunks[0].MediaEncryption);
    }

    [Theory]
    [InlineData("requried", "did you mean 'required'")]
    [InlineData("SIP_MEDIA_ENCRYPT_REQUIRE", "must be one of off, allowed, required")]
    [InlineData("true", "must be one of off, allowed, required")]
    public void A_value_that_is_not_a_setting_is_an_error_at_its_line_naming_the_choices(string value, string message)
    {
        var document = Load(Header + Trunks.Replace("media_encryption: required", "media_encryption: " + value, StringComparison.Ordinal));

        Assert.False(document.IsValid);
        var error = Assert.Single(document.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.InvalidValue, error.Code);
        Assert.Equal(Header.Split('\n').Length + 4, error.Position.Line); // the media_encryption line
        Assert.Contains(message, error.Message);
    }
}
