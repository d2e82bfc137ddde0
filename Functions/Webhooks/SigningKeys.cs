namespace VoiceFunctions.Functions.Webhooks;

/// <summary>The keys a signed request is verified with: the current key, plus the previous one while a rotation runs.</summary>
public static class SigningKeys
{
    /// <summary>
    /// The current key, and the previous key when both its id and secret are set. A previous key with the current key's
    /// id is refused: one key id cannot carry two secrets, and LiveKit (and the MediaHost) rotate by a new pair.
    /// </summary>
    public static IReadOnlyDictionary<string, string> With(string keyId, string secret, string? previousKeyId, string? previousSecret)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { [keyId] = secret };
        if (string.IsNullOrEmpty(previousKeyId) || string.IsNullOrEmpty(previousSecret))
        {
            return keys;
        }
        if (string.Equals(previousKeyId, keyId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the previous signing key id equals the current one ({keyId}): rotate to a new key id, keeping the old pair as the previous key");
        }
        keys[previousKeyId] = previousSecret;
        return keys;
    }
}
