namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>Wire names of <see cref="TwirpErrorCode"/> and the HTTP status Twirp gives each.</summary>
public static class TwirpErrorCodes
{
    private static readonly (TwirpErrorCode Code, string Name, int HttpStatus)[] Table =
    [
        (TwirpErrorCode.Canceled, "canceled", 408),
        (TwirpErrorCode.Unknown, "unknown", 500),
        (TwirpErrorCode.InvalidArgument, "invalid_argument", 400),
        (TwirpErrorCode.Malformed, "malformed", 400),
        (TwirpErrorCode.DeadlineExceeded, "deadline_exceeded", 408),
        (TwirpErrorCode.NotFound, "not_found", 404),
        (TwirpErrorCode.BadRoute, "bad_route", 404),
        (TwirpErrorCode.AlreadyExists, "already_exists", 409),
        (TwirpErrorCode.PermissionDenied, "permission_denied", 403),
        (TwirpErrorCode.Unauthenticated, "unauthenticated", 401),
        (TwirpErrorCode.ResourceExhausted, "resource_exhausted", 429),
        (TwirpErrorCode.FailedPrecondition, "failed_precondition", 412),
        (TwirpErrorCode.Aborted, "aborted", 409),
        (TwirpErrorCode.OutOfRange, "out_of_range", 400),
        (TwirpErrorCode.Unimplemented, "unimplemented", 501),
        (TwirpErrorCode.Internal, "internal", 500),
        (TwirpErrorCode.Unavailable, "unavailable", 503),
        (TwirpErrorCode.DataLoss, "data_loss", 500),
    ];

    public static IReadOnlyList<TwirpErrorCode> All { get; } = Table.Select(t => t.Code).ToArray();

    public static string ToWireName(TwirpErrorCode code) => Table.First(t => t.Code == code).Name;

    public static int HttpStatusOf(TwirpErrorCode code) => Table.First(t => t.Code == code).HttpStatus;

    public static TwirpErrorCode Parse(string? name)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry.Code;
            }
        }
        return TwirpErrorCode.Unknown;
    }

    /// <summary>The code an HTTP status stands for when the body is not a Twirp error (plain-text 401, a proxy's 502…).</summary>
    public static TwirpErrorCode FromHttpStatus(int status) => status switch
    {
        400 => TwirpErrorCode.InvalidArgument,
        401 => TwirpErrorCode.Unauthenticated,
        403 => TwirpErrorCode.PermissionDenied,
        404 => TwirpErrorCode.BadRoute,
        408 => TwirpErrorCode.DeadlineExceeded,
        409 => TwirpErrorCode.Aborted,
        412 => TwirpErrorCode.FailedPrecondition,
        429 => TwirpErrorCode.ResourceExhausted,
        501 => TwirpErrorCode.Unimplemented,
        502 or 503 or 504 => TwirpErrorCode.Unavailable,
        _ => status >= 500 ? TwirpErrorCode.Internal : TwirpErrorCode.Unknown,
    };
}
