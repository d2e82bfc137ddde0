namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

public enum SipChangeAction
{
    Create,
    Update,
    Delete,
}
