namespace VoiceFunctions.Shared.Telephony.Deployment.Validation;

/// <summary>The SIP bridge's rtp_port: "start-end" or a single port.</summary>
public readonly record struct PortRange(int Start, int End)
{
    public override string ToString() => Start == End ? Start.ToString() : $"{Start}-{End}";

    public static bool TryParse(string text, out PortRange range, out string? problem)
    {
        range = default;
        var parts = text.Trim().Split('-');
        if (parts.Length > 2 || !parts.All(p => int.TryParse(p, out _)))
        {
            problem = "write \"start-end\" with two port numbers";
            return false;
        }
        var start = int.Parse(parts[0]);
        var end = parts.Length == 2 ? int.Parse(parts[1]) : start;
        if (start is < 1024 or > 65535 || end is < 1024 or > 65535)
        {
            problem = "ports must be 1024 to 65535";
            return false;
        }
        if (start > end)
        {
            problem = "the start is above the end";
            return false;
        }
        range = new PortRange(start, end);
        problem = null;
        return true;
    }
}
