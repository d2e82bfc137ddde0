namespace VoiceFunctions.Shared.Outbound;

/// <summary>How dialling a callee ended.</summary>
public enum DialOutcome
{
    /// <summary>The callee answered (2xx); the call now runs like an inbound one.</summary>
    Answered,

    /// <summary>The callee was busy (486 Busy Here, 600 Busy Everywhere).</summary>
    Busy,

    /// <summary>Nobody answered before the ring timeout (we cancelled: 487), or the network said so (408, 480).</summary>
    NoAnswer,

    /// <summary>The callee refused or the number does not work (403, 404, 484, 603, 604 …): retrying will not help.</summary>
    Rejected,

    /// <summary>Answered by an answering machine, and hung up on (answering-machine detection, action HangUp).</summary>
    Machine,

    /// <summary>The trunk or network failed (5xx, no media port, unreachable): worth a retry later.</summary>
    Failed,
}
