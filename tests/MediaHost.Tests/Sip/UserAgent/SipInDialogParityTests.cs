using System.Net;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>
/// The same in-dialog request gets the same answer on a call we received and a call we placed (one handler serves
/// both legs): each test runs on both legs and pins the answer the RFCs ask for.
/// </summary>
public sealed class SipInDialogParityTests
{
    private const string DtmfRelay = "application/dtmf-relay";

    public static TheoryData<DialogLeg> Legs => new() { DialogLeg.Received, DialogLeg.Placed };

    /// <summary>Method, body, its Content-Type, extra header lines, and the status both legs must answer with.</summary>
    public static TheoryData<string, string, string, string, int> Requests => new()
    {
        { "INFO", "<media_control/>", "application/media_control+xml", "", 415 },
        { "INFO", "Signal=5\r\nDuration=160\r\n", DtmfRelay, "Info-Package: foo-dtmf\nContent-Disposition: Info-Package\n", 469 },
        { "INFO", "Signal=#\r\nDuration=250\r\n", DtmfRelay, "", 200 },
        { "INFO", "Signal=Z\r\nDuration=160\r\n", DtmfRelay, "", 400 },
        { "INFO", "", "", "", 200 }, // a keep-alive
        { "OPTIONS", "", "", "", 200 },
        { "UPDATE", FakeSipPeer.Sdp, "application/sdp", "", 405 },
        { "MESSAGE", "hello", "text/plain", "", 405 },
        { "REFER", "", "", "Refer-To: <sip:premium-line@198.51.100.66>\n", 403 },
        { "INVITE", "<not-sdp/>", "application/xml", "", 415 },
        { "INVITE", FakeSipPeer.Sdp + "a=sendonly\r\n", "application/sdp", "", 200 },
        { "INVITE", "", "", "", 200 },
        { "NOTIFY", "SIP/2.0 200 OK\r\n", "message/sipfrag", "Event: refer\nSubscription-State: terminated\n", 481 }, // we sent no REFER
        { "NOTIFY", "", "", "Event: presence\nSubscription-State: active\n", 481 },
        { "BYE", "", "", "", 200 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task The_same_request_gets_the_same_answer_from_a_call_we_received_and_a_call_we_placed(
        string method, string body, string contentType, string extra, int status)
    {
        var received = await AnswerOnAsync(DialogLeg.Received, method, body, contentType, extra);
        var placed = await AnswerOnAsync(DialogLeg.Placed, method, body, contentType, extra);

        Assert.StartsWith($"{status} ", received);
        Assert.Equal(received, placed);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task An_INFO_with_a_body_type_we_do_not_read_gets_415_with_an_Accept_of_the_DTMF_types(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INFO", 2, "<media_control/>", "application/media_control+xml");

        var answer = dialog.Answer(2);
        Assert.Equal(415, answer.StatusCode);
        Assert.Equal(["application/dtmf-relay", "application/dtmf"], answer.Headers.GetAll("Accept"));
        Assert.False(dialog.Session.Ended.IsCompleted);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task An_INFO_for_an_Info_Package_gets_469_with_an_empty_Recv_Info(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INFO", 2, "Signal=5\r\nDuration=160\r\n", DtmfRelay, extra: "Info-Package: foo-dtmf\nContent-Disposition: Info-Package\n");

        var answer = dialog.Answer(2);
        Assert.Equal(469, answer.StatusCode);
        Assert.Equal("Bad Info Package", answer.ReasonPhrase);
        Assert.Equal("", answer.Headers.Get("Recv-Info"));
        await AssertNoDigitAsync(dialog);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task At_dialog_setup_we_say_with_an_empty_Recv_Info_that_we_take_no_Info_Package(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        // Ours of the two messages that set the dialog up: the 200 to the INVITE we received, or the INVITE we sent.
        var setup = dialog.Bed.Peer.Received.First(m => m.CSeq!.Value.Method == "INVITE" && (m.IsRequest || m.StatusCode == 200));

        Assert.Equal("", setup.Headers.Get("Recv-Info"));
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task An_INFO_dtmf_relay_digit_is_answered_200_and_reaches_the_session(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INFO", 2, "Signal=#\r\nDuration=250\r\n", DtmfRelay);

        Assert.Equal(200, dialog.Answer(2).StatusCode);
        await using var digits = dialog.Session.DtmfDigits(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await digits.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal(new DtmfDigit('#', TimeSpan.FromMilliseconds(250)), digits.Current);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task An_INFO_dtmf_relay_body_naming_no_digit_is_a_bad_request(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INFO", 2, "Signal=Z\r\nDuration=160\r\n", DtmfRelay);

        Assert.Equal(400, dialog.Answer(2).StatusCode);
        await AssertNoDigitAsync(dialog);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task OPTIONS_in_the_dialog_is_answered_200_with_Allow_Accept_and_Supported(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("OPTIONS", 2);

        var answer = dialog.Answer(2);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(dialog.LocalTag, answer.To!.Tag);
        Assert.Contains("INFO", answer.Headers.GetAll("Allow"));
        Assert.Contains("application/sdp", answer.Headers.GetAll("Accept"));
        Assert.Contains("application/dtmf-relay", answer.Headers.GetAll("Accept"));
        Assert.NotNull(answer.Headers.Get("Supported"));
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task UPDATE_is_answered_405_with_the_Allow_a_405_must_carry_and_the_call_continues(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("UPDATE", 2, FakeSipPeer.Sdp);

        var answer = dialog.Answer(2);
        Assert.Equal(405, answer.StatusCode);
        Assert.DoesNotContain("UPDATE", answer.Headers.GetAll("Allow"));
        Assert.Contains("INVITE", answer.Headers.GetAll("Allow"));
        Assert.Single(dialog.Media.Applied);
        Assert.False(dialog.Session.Ended.IsCompleted);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task A_hold_re_INVITE_is_answered_recvonly_and_the_unhold_sendrecv(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INVITE", 2, FakeSipPeer.Sdp + "a=sendonly\r\n");
        var hold = dialog.Answer(2);
        dialog.Send("ACK", 2);
        dialog.Send("INVITE", 3, FakeSipPeer.Sdp + "a=sendrecv\r\n");
        var unhold = dialog.Answer(3);
        dialog.Send("ACK", 3);

        Assert.Equal((200, 200), (hold.StatusCode, unhold.StatusCode));
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(hold.Body.Span));
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(unhold.Body.Span));
        Assert.Equal(dialog.LocalTag, hold.To!.Tag);
        Assert.NotNull(hold.Headers.Get("Contact"));
        Assert.Equal("", hold.Headers.Get("Recv-Info"));
        Assert.Equal([MediaDirection.SendReceive, MediaDirection.ReceiveOnly, MediaDirection.SendReceive], dialog.Media.Applied.Select(m => m.Direction));
        // RFC 3264 section 8: each changed description gets the next version.
        Assert.NotEqual(OriginLine(hold), OriginLine(unhold));
        Assert.False(dialog.Session.Ended.IsCompleted);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task A_re_INVITE_without_SDP_gets_our_offer_and_the_answer_in_the_ACK_moves_the_media(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INVITE", 2);
        var offer = dialog.Answer(2);
        var answer = "v=0\r\no=- 2 2 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\nm=audio 30002 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        dialog.Send("ACK", 2, answer);

        Assert.Equal(200, offer.StatusCode);
        Assert.Contains("m=audio", Encoding.UTF8.GetString(offer.Body.Span));
        Assert.Equal(2, dialog.Media.Applied.Count);
        Assert.Equal(("PCMA", 30002), (dialog.Media.Applied[^1].Codec.Name, dialog.Media.Applied[^1].RemoteEndpoint.Port));
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task A_re_INVITE_whose_body_is_not_SDP_gets_415_with_Accept_application_sdp(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("INVITE", 2, "<not-sdp/>", "application/xml");

        var answer = dialog.Answer(2);
        Assert.Equal(415, answer.StatusCode);
        Assert.Equal("application/sdp", answer.Headers.Get("Accept"));
        Assert.Single(dialog.Media.Applied);
        Assert.False(dialog.Session.Ended.IsCompleted);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task A_refused_re_INVITE_does_not_move_the_remote_target_and_our_BYE_goes_where_it_went_before(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);
        var moved = new FakeSipPeer(dialog.Bed.Network, new IPEndPoint(IPAddress.Parse("10.0.0.4"), 5070), SipTestBed.UaEndpoint);
        var amrOnly = "v=0\r\no=- 3 3 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\nm=audio 30000 RTP/AVP 98\r\na=rtpmap:98 AMR/8000\r\n";

        dialog.Bed.Peer.Send(FakeSipPeer.Request("INVITE", dialog.CallId, 2, "z9hG4bK-moving", dialog.LocalTag, amrOnly)
            .Replace("Contact: <sip:caller@10.0.0.2:5060>", "Contact: <sip:callee@10.0.0.4:5070>"));
        await dialog.Session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);

        Assert.Equal(488, dialog.Answer(2).StatusCode);
        Assert.DoesNotContain("10.0.0.4", Assert.Single(dialog.Bed.Peer.Requests("BYE")).RequestUri);
        Assert.Empty(moved.Requests("BYE"));
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task A_request_with_a_CSeq_below_the_last_one_gets_500(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("OPTIONS", 5);
        dialog.Send("INFO", 4);

        Assert.Equal(200, dialog.Answer(5).StatusCode);
        Assert.Equal(500, dialog.Answer(4).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task BYE_is_answered_200_and_ends_the_call_as_the_peers_hang_up_and_a_later_request_gets_481(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);

        dialog.Send("BYE", 2);

        Assert.Equal(200, dialog.Answer(2).StatusCode);
        Assert.Equal(CallEndReason.CallerHangUp, (await dialog.Session.Ended.DefaultTimeout()).Reason);
        Assert.True(dialog.Media.Stopped);
        dialog.Send("INFO", 3);
        Assert.Equal(481, dialog.Answer(3).StatusCode);
        Assert.Equal(0, dialog.Bed.Agent.ActiveCalls);
    }

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task Our_DTMF_INFO_follows_the_dialogs_route_set_like_our_BYE_and_completes_with_its_200(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg, recordRoute: "<sip:10.0.0.3:5062;lr>");
        var proxy = new FakeSipPeer(dialog.Bed.Network, new IPEndPoint(IPAddress.Parse("10.0.0.3"), 5062), SipTestBed.UaEndpoint);

        var send = dialog.Session.SendDtmfAsync('7', TimeSpan.FromMilliseconds(160), CancellationToken.None);

        var info = Assert.Single(proxy.Requests("INFO"));
        Assert.Equal(["<sip:10.0.0.3:5062;lr>"], info.Headers.GetAll("Route"));
        Assert.Empty(dialog.Bed.Peer.Requests("INFO"));
        proxy.Send(SipResponseBuilder.Create(info, 200, "OK"));
        Assert.True(await send.DefaultTimeout());
    }

    /// <summary>
    /// The answer to one request on a fresh call of that leg, as text: status, reason, and every header but those that
    /// name the dialog or the message (Via, From, To, Call-ID, CSeq, Content-Length); the SDP body differs by session id.
    /// </summary>
    private static async Task<string> AnswerOnAsync(DialogLeg leg, string method, string body, string contentType, string extra)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);
        dialog.Send(method, 2, body, contentType, extra);
        var answer = dialog.Answer(2);
        string[] perMessage = ["Via", "From", "To", "Call-ID", "CSeq", "Content-Length"];
        var headers = answer.Headers.Where(h => !perMessage.Contains(h.Name, StringComparer.OrdinalIgnoreCase)).Select(h => $"{h.Name}: {h.Value}");
        return $"{answer.StatusCode} {answer.ReasonPhrase}\n{string.Join("\n", headers)}";
    }

    private static string OriginLine(SipMessage response) =>
        Encoding.UTF8.GetString(response.Body.Span).Split("\r\n").Single(l => l.StartsWith("o=", StringComparison.Ordinal));

    /// <summary>The session got no digit: its digit stream has nothing within a short wait (the refused INFO was dropped).</summary>
    private static async Task AssertNoDigitAsync(ConnectedDialog dialog)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await using var digits = dialog.Session.DtmfDigits(wait.Token).GetAsyncEnumerator(wait.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => digits.MoveNextAsync().AsTask());
    }
}
