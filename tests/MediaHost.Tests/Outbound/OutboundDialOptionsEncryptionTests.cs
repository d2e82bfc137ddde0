using System.ComponentModel.DataAnnotations;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Outbound;

/// <summary>The trunk's Outbound:MediaEncryption is validated with its transport: SDES keys never cross in clear.</summary>
public sealed class OutboundDialOptionsEncryptionTests
{
    private static List<ValidationResult> Validate(OutboundDialOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData(MediaEncryption.Allowed, "udp")]
    [InlineData(MediaEncryption.Required, "tcp")]
    public void SRTP_over_a_clear_text_transport_is_refused_naming_both_settings(MediaEncryption encryption, string transport)
    {
        var problems = Validate(new OutboundDialOptions { Trunk = "203.0.113.10:5061", Transport = transport, MediaEncryption = encryption });

        var problem = Assert.Single(problems);
        Assert.Contains($"Outbound:MediaEncryption {encryption} needs Outbound:Transport tls", problem.ErrorMessage);
        Assert.Contains($"transport is {transport}", problem.ErrorMessage);
    }

    [Theory]
    [InlineData(MediaEncryption.Off, "udp")]
    [InlineData(MediaEncryption.Allowed, "tls")]
    [InlineData(MediaEncryption.Required, "tls")]
    public void Each_setting_is_accepted_on_a_transport_that_keeps_the_keys_private(MediaEncryption encryption, string transport) =>
        Assert.Empty(Validate(new OutboundDialOptions { Trunk = "203.0.113.10:5061", Transport = transport, MediaEncryption = encryption }));

    [Fact]
    public void An_unknown_transport_is_refused()
    {
        var problem = Assert.Single(Validate(new OutboundDialOptions { Trunk = "203.0.113.10:5061", Transport = "sctp" }));
        Assert.Equal("Outbound:Transport must be udp, tcp or tls", problem.ErrorMessage);
    }
}
