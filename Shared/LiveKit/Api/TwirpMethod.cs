namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// One Twirp method of LiveKit's server API and whether repeating it is harmless.
/// <see cref="SafeToRepeat"/> decides retries: a method that could do something twice (place a second
/// call, start a second recording, create a duplicate trunk) is never retried, whatever the failure.
/// </summary>
public sealed record TwirpMethod(string Service, string Name, bool SafeToRepeat)
{
    /// <summary>"Service/Method", the name used in metrics, logs and exception messages.</summary>
    public string FullName { get; } = $"{Service}/{Name}";

    public override string ToString() => FullName;
}
