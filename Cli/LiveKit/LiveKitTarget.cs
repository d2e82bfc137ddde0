using VoiceFunctions.Shared.Telephony.Deployment.Model;

namespace VoiceFunctions.Cli.LiveKit;

/// <summary>Which LiveKit server and credentials a command uses: from voice.yaml's livekit section, or
/// from LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET. The secret never appears in ToString.</summary>
public sealed record LiveKitTarget(string Url, string ApiKey, string ApiSecret)
{
    public override string ToString() => $"{Url} (key {ApiKey})";

    public static LiveKitTarget? FromFile(DeploymentFile file, Func<string, string?> environment, out string? problem)
    {
        var unset = new List<string>();
        var key = file.LiveKit?.ApiKey?.Resolve(environment);
        var secret = file.LiveKit?.ApiSecret?.Resolve(environment);
        if (key is null)
        {
            unset.Add(file.LiveKit?.ApiKey?.Variable ?? "LIVEKIT_API_KEY");
        }
        if (secret is null)
        {
            unset.Add(file.LiveKit?.ApiSecret?.Variable ?? "LIVEKIT_API_SECRET");
        }
        var url = file.LiveKit?.Url?.Value;
        if (unset.Count > 0 || url is null)
        {
            problem = unset.Count > 0
                ? $"the LiveKit credentials are not set: {string.Join(", ", unset)} (voice.yaml refers to them)"
                : "voice.yaml has no livekit.url";
            return null;
        }
        problem = null;
        return new LiveKitTarget(url, key!, secret!);
    }

    public static LiveKitTarget? FromEnvironment(Func<string, string?> environment, out string? problem)
    {
        string[] names = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"];
        var unset = names.Where(n => string.IsNullOrEmpty(environment(n))).ToArray();
        if (unset.Length > 0)
        {
            problem = $"give --file voice.yaml, or set {string.Join(", ", unset)}";
            return null;
        }
        problem = null;
        return new LiveKitTarget(environment("LIVEKIT_URL")!, environment("LIVEKIT_API_KEY")!, environment("LIVEKIT_API_SECRET")!);
    }
}
