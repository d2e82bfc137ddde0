namespace VoiceFunctions.Cli.Doctor.Redis;

/// <summary>A Redis as a config file names it: address (host:port, port 6379 when left out) and database number.</summary>
public sealed record RedisEndpoint(string Address, int Db, int? Line)
{
    /// <summary>host:port in lower case with the default port filled in, so "Redis:6379" and "redis" compare equal.</summary>
    public string Key
    {
        get
        {
            var address = Address.Trim().ToLowerInvariant();
            var colon = address.LastIndexOf(':');
            return colon > 0 && !address.EndsWith(']') ? address : address + ":6379";
        }
    }

    public override string ToString() => $"{Address} db {Db}";
}
