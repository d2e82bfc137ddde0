namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>
/// Stands in for a logged exception whose text held a secret: same type name, message and stack trace
/// (inner exceptions included) with the secrets masked. An exception with nothing to mask is logged as is,
/// keeping its real type for exporters.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;
    private readonly string? _stackTrace;

    private RedactedException(string originalType, string message, string text, string? stackTrace)
        : base(message)
    {
        OriginalType = originalType;
        _text = text;
        _stackTrace = stackTrace;
    }

    /// <summary>Full name of the exception type that was masked.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace;

    public override string ToString() => _text;

    public static Exception? Wrap(Exception? exception, SecretRedactor redactor)
    {
        if (exception is null or RedactedException)
        {
            return exception;
        }
        var text = exception.ToString();
        var redactedText = redactor.Redact(text);
        if (ReferenceEquals(text, redactedText))
        {
            return exception;
        }
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        var stack = exception.StackTrace is { } trace ? redactor.Redact(trace) : null;
        return new RedactedException(type, $"{type}: {redactor.Redact(exception.Message)}", redactedText, stack);
    }
}
