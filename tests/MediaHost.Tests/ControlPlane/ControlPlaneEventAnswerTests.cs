using System.Text;
using VoiceFunctions.MediaHost.ControlPlane;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>The control plane's answer to a call event, read for its status (Functions' WebhookAnswer, camelCase JSON).</summary>
public sealed class ControlPlaneEventAnswerTests
{
    [Theory]
    [InlineData("""{"status":"CallAlreadyFinished","eventId":"mh-call-1-answered","callId":"call-1"}""", "CallAlreadyFinished")]
    [InlineData("""{"eventId":"mh-call-1-turn-2","callId":"call-1","status":"Raised"}""", "Raised")]
    [InlineData("""{"extra":{"status":"nested","list":[1,{"status":"x"}]},"status":"duplicate"}""", "duplicate")]
    [InlineData(""" { "status" : "Started" } """, "Started")]
    public void Status_is_read_from_the_top_level_status_property(string body, string expected) =>
        Assert.Equal(expected, ControlPlaneEventAnswer.StatusOf(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("""["CallAlreadyFinished"]""")]
    [InlineData("""{"status":3}""")]
    [InlineData("""{"status":null}""")]
    [InlineData("""{"extra":{"status":"CallAlreadyFinished"}}""")]
    [InlineData("""{"status":"CallAlreadyFini""")]
    [InlineData("""{"eventId":"x",""")]
    public void Body_that_is_not_an_answer_with_a_status_has_none(string body) =>
        Assert.Null(ControlPlaneEventAnswer.StatusOf(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Body_longer_than_any_answer_of_the_control_plane_is_not_read()
    {
        var padded = """{"status":"CallAlreadyFinished","pad":" """ + new string('x', ControlPlaneEventAnswer.MaxBytes) + "\"}";

        Assert.Null(ControlPlaneEventAnswer.StatusOf(Encoding.UTF8.GetBytes(padded)));
    }
}
