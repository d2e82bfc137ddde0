namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>The Twirp error codes (the "code" of a Twirp error body), plus <see cref="Unknown"/> for anything else.</summary>
public enum TwirpErrorCode
{
    Unknown,
    Canceled,
    InvalidArgument,
    Malformed,
    DeadlineExceeded,
    NotFound,
    BadRoute,
    AlreadyExists,
    PermissionDenied,
    Unauthenticated,
    ResourceExhausted,
    FailedPrecondition,
    Aborted,
    OutOfRange,
    Unimplemented,
    Internal,
    Unavailable,
    DataLoss,
}
