namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>What answers the MediaHost's calls.</summary>
public enum CallHandlerKind
{
    /// <summary>The AI loop (<c>AiLoop:Enabled</c> true, the default).</summary>
    Agent,
    /// <summary>The built-in echo: a prompt, then the caller's own audio back (<c>AiLoop:Enabled</c> false; <c>Rtp:PromptFile</c>).</summary>
    Echo,
}
