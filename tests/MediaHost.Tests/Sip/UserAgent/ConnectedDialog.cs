using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>
/// A confirmed call on its own <see cref="SipTestBed"/>, whichever <see cref="DialogLeg"/> it is, and the in-dialog
/// requests its peer sends (our tag in To, the peer's in From): the same request reaches either leg.
/// </summary>
public sealed class ConnectedDialog : IDisposable
{
    private ConnectedDialog(SipTestBed bed, ICallSession session, string callId, string localTag)
    {
        Bed = bed;
        Session = session;
        CallId = callId;
        LocalTag = localTag;
    }

    public SipTestBed Bed { get; }

    public ICallSession Session { get; }

    public string CallId { get; }

    public string LocalTag { get; }

    public RecordingMediaSession Media => Assert.Single(Bed.Media.Sessions);

    /// <param name="recordRoute">A Record-Route the peer's side put in the INVITE (received) or the 200 (placed).</param>
    public static async Task<ConnectedDialog> ConnectAsync(DialogLeg leg, string? recordRoute = null)
    {
        var bed = new SipTestBed();
        if (leg == DialogLeg.Received)
        {
            var (session, tag) = await bed.ConnectAsync("dialog-received", recordRoute is null ? "" : $"Record-Route: {recordRoute}\n");
            return new ConnectedDialog(bed, session, "dialog-received", tag);
        }
        var (placed, invite) = await bed.PlaceAndAnswerAsync(recordRoute is null ? [] : [("Record-Route", recordRoute)]);
        return new ConnectedDialog(bed, placed, invite.CallId!, invite.From!.Tag!);
    }

    /// <summary>Sends an in-dialog request from the peer (its branch made from the method and CSeq).</summary>
    public void Send(string method, int cseq, string body = "", string contentType = "application/sdp", string extra = "") =>
        Bed.Peer.Send(FakeSipPeer.Request(method, CallId, cseq, $"z9hG4bK-{method}-{cseq}", LocalTag, body, contentType, extra));

    /// <summary>The final response we sent to the peer's request numbered <paramref name="cseq"/>.</summary>
    public SipMessage Answer(int cseq) => Bed.Peer.Received.Last(m => !m.IsRequest && m.CSeq!.Value.Number == cseq && m.StatusCode >= 200);

    public void Dispose() => Bed.Dispose();
}
