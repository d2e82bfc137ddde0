using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.LiveKit.Api.Clients;

/// <summary>
/// livekit.SIP: trunks and dispatch rules (grant sip.admin), outbound calls (sip.call) and transfers
/// (sip.call + roomAdmin of the room).
/// </summary>
public sealed class SipServiceClient(LiveKitTwirpTransport transport)
{
    /// <summary>Extra time on top of the ring time before we stop waiting for a dial's answer.</summary>
    public static readonly TimeSpan DialAnswerMargin = TimeSpan.FromSeconds(5);

    /// <summary>The ring time LiveKit uses when a waiting dial or a transfer names none (the server's default).</summary>
    public static readonly TimeSpan DefaultRingingTimeout = TimeSpan.FromSeconds(30);

    public Task<SipInboundTrunkInfo> CreateInboundTrunkAsync(SipInboundTrunkInfo trunk, CancellationToken cancellationToken = default) =>
        transport.CallAsync<CreateSipInboundTrunkRequest, SipInboundTrunkInfo>(
            LiveKitApiMethods.CreateSipInboundTrunk, new CreateSipInboundTrunkRequest { Trunk = trunk }, TwirpGrant.SipAdmin(), cancellationToken);

    public Task<SipOutboundTrunkInfo> CreateOutboundTrunkAsync(SipOutboundTrunkInfo trunk, CancellationToken cancellationToken = default) =>
        transport.CallAsync<CreateSipOutboundTrunkRequest, SipOutboundTrunkInfo>(
            LiveKitApiMethods.CreateSipOutboundTrunk, new CreateSipOutboundTrunkRequest { Trunk = trunk }, TwirpGrant.SipAdmin(), cancellationToken);

    public async Task<SipInboundTrunkInfo?> GetInboundTrunkAsync(string sipTrunkId, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<GetSipInboundTrunkRequest, GetSipInboundTrunkResponse>(
            LiveKitApiMethods.GetSipInboundTrunk, new GetSipInboundTrunkRequest { SipTrunkId = sipTrunkId }, TwirpGrant.SipAdmin(), cancellationToken).ConfigureAwait(false)).Trunk;

    public async Task<SipOutboundTrunkInfo?> GetOutboundTrunkAsync(string sipTrunkId, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<GetSipOutboundTrunkRequest, GetSipOutboundTrunkResponse>(
            LiveKitApiMethods.GetSipOutboundTrunk, new GetSipOutboundTrunkRequest { SipTrunkId = sipTrunkId }, TwirpGrant.SipAdmin(), cancellationToken).ConfigureAwait(false)).Trunk;

    public async Task<IReadOnlyList<SipInboundTrunkInfo>> ListInboundTrunksAsync(ListSipInboundTrunkRequest? request = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListSipInboundTrunkRequest, ListSipInboundTrunkResponse>(
            LiveKitApiMethods.ListSipInboundTrunk, request ?? new(), TwirpGrant.SipAdmin(), cancellationToken).ConfigureAwait(false)).Items;

    public async Task<IReadOnlyList<SipOutboundTrunkInfo>> ListOutboundTrunksAsync(ListSipOutboundTrunkRequest? request = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListSipOutboundTrunkRequest, ListSipOutboundTrunkResponse>(
            LiveKitApiMethods.ListSipOutboundTrunk, request ?? new(), TwirpGrant.SipAdmin(), cancellationToken).ConfigureAwait(false)).Items;

    /// <summary>Replace or field-wise update; only a replace is retried (list add/remove may not be idempotent).</summary>
    public Task<SipInboundTrunkInfo> UpdateInboundTrunkAsync(UpdateSipInboundTrunkRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateSipInboundTrunkRequest, SipInboundTrunkInfo>(
            LiveKitApiMethods.UpdateSipInboundTrunk, request, TwirpGrant.SipAdmin(), cancellationToken, safeToRepeat: request.Update is null);

    /// <summary>Replace or field-wise update; only a replace is retried (list add/remove may not be idempotent).</summary>
    public Task<SipOutboundTrunkInfo> UpdateOutboundTrunkAsync(UpdateSipOutboundTrunkRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateSipOutboundTrunkRequest, SipOutboundTrunkInfo>(
            LiveKitApiMethods.UpdateSipOutboundTrunk, request, TwirpGrant.SipAdmin(), cancellationToken, safeToRepeat: request.Update is null);

    /// <summary>Deletes an inbound or outbound trunk.</summary>
    public Task<SipTrunkInfo> DeleteTrunkAsync(string sipTrunkId, CancellationToken cancellationToken = default) =>
        transport.CallAsync<DeleteSipTrunkRequest, SipTrunkInfo>(
            LiveKitApiMethods.DeleteSipTrunk, new DeleteSipTrunkRequest { SipTrunkId = sipTrunkId }, TwirpGrant.SipAdmin(), cancellationToken);

    /// <summary>
    /// Creates a dispatch rule. Sent in the top-level form (rule, trunkIds, … beside each other), which
    /// every server version reads; servers that know the nested dispatchRule read this form too.
    /// </summary>
    public Task<SipDispatchRuleInfo> CreateDispatchRuleAsync(SipDispatchRuleInfo rule, CancellationToken cancellationToken = default)
    {
        var request = new CreateSipDispatchRuleRequest
        {
            Rule = rule.Rule,
            TrunkIds = rule.TrunkIds,
            HidePhoneNumber = rule.HidePhoneNumber,
            InboundNumbers = rule.InboundNumbers,
            Name = rule.Name,
            Metadata = rule.Metadata,
            Attributes = rule.Attributes,
            RoomPreset = rule.RoomPreset,
            RoomConfig = rule.RoomConfig,
        };
        return transport.CallAsync<CreateSipDispatchRuleRequest, SipDispatchRuleInfo>(
            LiveKitApiMethods.CreateSipDispatchRule, request, TwirpGrant.SipAdmin(), cancellationToken);
    }

    /// <summary>Replace or field-wise update; only a replace is retried.</summary>
    public Task<SipDispatchRuleInfo> UpdateDispatchRuleAsync(UpdateSipDispatchRuleRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<UpdateSipDispatchRuleRequest, SipDispatchRuleInfo>(
            LiveKitApiMethods.UpdateSipDispatchRule, request, TwirpGrant.SipAdmin(), cancellationToken, safeToRepeat: request.Update is null);

    public async Task<IReadOnlyList<SipDispatchRuleInfo>> ListDispatchRulesAsync(ListSipDispatchRuleRequest? request = null, CancellationToken cancellationToken = default) =>
        (await transport.CallAsync<ListSipDispatchRuleRequest, ListSipDispatchRuleResponse>(
            LiveKitApiMethods.ListSipDispatchRule, request ?? new(), TwirpGrant.SipAdmin(), cancellationToken).ConfigureAwait(false)).Items;

    public Task<SipDispatchRuleInfo> DeleteDispatchRuleAsync(string sipDispatchRuleId, CancellationToken cancellationToken = default) =>
        transport.CallAsync<DeleteSipDispatchRuleRequest, SipDispatchRuleInfo>(
            LiveKitApiMethods.DeleteSipDispatchRule, new DeleteSipDispatchRuleRequest { SipDispatchRuleId = sipDispatchRuleId }, TwirpGrant.SipAdmin(), cancellationToken);

    /// <summary>
    /// Dials out. Never retried: once sent, the callee's phone may be ringing. With WaitUntilAnswered the
    /// attempt may take the whole ring time, so its timeout becomes ring time + <see cref="DialAnswerMargin"/>.
    /// A failed dial's SIP status is in <see cref="Errors.LiveKitApiException.SipStatusCode"/>. After a
    /// <see cref="Errors.LiveKitTimeoutException"/> or <see cref="Errors.LiveKitConnectionException"/> the outcome is
    /// unknown (the call may be ringing): look at the room (ListParticipants) before dialing again.
    /// </summary>
    public Task<SipParticipantInfo> CreateSipParticipantAsync(CreateSipParticipantRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<CreateSipParticipantRequest, SipParticipantInfo>(
            LiveKitApiMethods.CreateSipParticipant, request, TwirpGrant.SipCall(), cancellationToken,
            attemptTimeout: request.WaitUntilAnswered ? (request.RingingTimeout ?? DefaultRingingTimeout) + DialAnswerMargin : null);

    /// <summary>
    /// Transfers a SIP participant's call (SIP REFER). Never retried. Waits for the transfer target's
    /// answer, so the attempt timeout is ring time + <see cref="DialAnswerMargin"/>.
    /// </summary>
    public Task TransferSipParticipantAsync(TransferSipParticipantRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync<TransferSipParticipantRequest, Empty>(
            LiveKitApiMethods.TransferSipParticipant, request, TwirpGrant.SipCallInRoom(request.RoomName), cancellationToken,
            attemptTimeout: (request.RingingTimeout ?? DefaultRingingTimeout) + DialAnswerMargin);
}
