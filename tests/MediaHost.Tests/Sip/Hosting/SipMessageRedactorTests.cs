using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Sip.Hosting;

public sealed class SipMessageRedactorTests
{
    [Fact]
    public void Credentials_numbers_and_bodies_stay_out_of_log_text()
    {
        var message = SipMessage.Request("INVITE", "sip:+79161234567@10.0.0.1");
        message.Headers.Add("From", "<sip:+74951234567@10.0.0.2>;tag=1");
        message.Headers.Add("Authorization", "Digest username=\"trunk\", realm=\"r\", nonce=\"n\", response=\"0123456789abcdef0123456789abcdef\"");
        message.Headers.Add("Proxy-Authorization", "Digest username=\"trunk\", response=\"feedface\"");
        message.Body = Encoding.UTF8.GetBytes("v=0\r\nc=IN IP4 10.0.0.2\r\n");

        var text = SipMessageRedactor.Redact(message);

        Assert.DoesNotContain("0123456789abcdef", text);
        Assert.DoesNotContain("feedface", text);
        Assert.DoesNotContain("9161234567", text);
        Assert.DoesNotContain("4951234567", text);
        Assert.DoesNotContain("v=0", text);
        Assert.Contains("username=\"trunk\", <redacted>", text);
        Assert.Contains("body 24 bytes", text);
    }
}
