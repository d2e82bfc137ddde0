namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>Who answered an outbound call, as answering-machine detection decided.</summary>
public enum AnsweredBy
{
    /// <summary>Not decided yet.</summary>
    Unknown,

    /// <summary>A short greeting followed by silence (or nothing said at all): a person waiting for us.</summary>
    Human,

    /// <summary>A long uninterrupted greeting, or a beep: voicemail or an answering machine.</summary>
    Machine,
}
