using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// Transaction matching (RFC 3261 sections 17.1.3 and 17.2.3): the top Via's branch and sent-by, plus the method,
/// where an ACK matches the INVITE it acknowledges and CANCEL is its own transaction.
/// </summary>
public static class SipTransactionKeys
{
    public static string? ForServer(SipMessage request)
    {
        var via = request.TopVia;
        if (via?.Branch is not { } branch || !branch.StartsWith(SipVia.BranchCookie, StringComparison.Ordinal))
        {
            // Pre-RFC 3261 peers: fall back to the dialog-ish identity of the request.
            var cseq = request.CSeq;
            return via is null || cseq is null ? null : $"old|{request.CallId}|{request.From?.Tag}|{cseq.Value.Number}|{Method(request.Method!)}";
        }
        return $"{branch}|{via.Host}:{via.Port}|{Method(request.Method!)}";
    }

    public static string? ForClientResponse(SipMessage response)
    {
        var branch = response.TopVia?.Branch;
        var method = response.CSeq?.Method;
        return branch is null || method is null ? null : $"{branch}|{Method(method)}";
    }

    public static string ForClientRequest(string branch, string method) => $"{branch}|{Method(method)}";

    private static string Method(string method) => method == "ACK" ? "INVITE" : method;
}
