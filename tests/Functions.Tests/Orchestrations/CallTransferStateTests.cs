using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Tests.Orchestrations;

/// <summary>The one transfer state: a LiveKit-mode request outranks the MediaHost's REFER report, and the first target wins.</summary>
public sealed class CallTransferStateTests
{
    [Fact]
    public void A_request_outranks_a_REFER_report_that_came_with_it_in_either_order()
    {
        var referFirst = CallTransferState.Fold(CallTransferState.Fold(null, TransferMode.Referred, "sip:leg@pbx.example"), TransferMode.Requested, "tel:+74951112233");
        var requestFirst = CallTransferState.Fold(CallTransferState.Fold(null, TransferMode.Requested, "tel:+74951112233"), TransferMode.Referred, "sip:leg@pbx.example");

        Assert.Equal(new CallTransferState(TransferMode.Requested, "tel:+74951112233"), referFirst);
        Assert.Equal(referFirst, requestFirst);
    }

    [Fact]
    public void The_first_target_given_wins_and_a_later_report_fills_a_missing_one()
    {
        var filled = CallTransferState.Fold(CallTransferState.Fold(null, TransferMode.Referred, null), TransferMode.Referred, "sip:desk@pbx.example");
        var kept = CallTransferState.Fold(filled, TransferMode.Referred, "sip:other@pbx.example");

        Assert.Equal(new CallTransferState(TransferMode.Referred, "sip:desk@pbx.example"), kept);
    }
}
