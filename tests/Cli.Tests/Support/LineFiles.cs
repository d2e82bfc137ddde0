namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>Deployment files for the plan/apply tests: a Russian line served by one provider trunk.</summary>
public static class LineFiles
{
    public const string Head = """
        version: 1
        mode: development
        livekit:
          url: ${LIVEKIT_URL}
          api_key: ${LIVEKIT_API_KEY}
          api_secret: ${LIVEKIT_API_SECRET}

        """;

    public const string OneLine = Head + """
        inbound_trunks:
          - name: novofon-ru
            numbers: ["89952227978"]
            allowed_addresses: ["192.0.2.0/28"]
            auth: {username: "${NOVOFON_SIP_USER}", password: "${NOVOFON_SIP_PASSWORD}"}
        outbound_trunks:
          - name: mediahost
            address: 127.0.0.1:5070
            transport: udp
            numbers: ["+79952227978"]
            auth: {username: "${NOVOFON_SIP_USER}", password: "${NOVOFON_SIP_PASSWORD}"}
        dispatch_rules:
          - name: ru-line
            type: individual
            room_prefix: call-
            trunks: [novofon-ru]
            attributes: {voicefunctions.line: ru-RU}

        """;

    /// <summary>The same line with a second number and a changed room prefix.</summary>
    public const string OneLineChanged = Head + """
        inbound_trunks:
          - name: novofon-ru
            numbers: ["+79952227978", "+79952227979"]
            allowed_addresses: ["192.0.2.0/28"]
            auth: {username: "${NOVOFON_SIP_USER}", password: "${NOVOFON_SIP_PASSWORD}"}
        outbound_trunks:
          - name: mediahost
            address: 127.0.0.1:5070
            transport: udp
            numbers: ["+79952227978"]
            auth: {username: "${NOVOFON_SIP_USER}", password: "${NOVOFON_SIP_PASSWORD}"}
        dispatch_rules:
          - name: ru-line
            type: individual
            room_prefix: ru-call-
            trunks: [novofon-ru]
            attributes: {voicefunctions.line: ru-RU}

        """;

    /// <summary>The same line whose rule also sets the room's metadata and dispatches the voice agent into it.</summary>
    public const string OneLineWithAgent = OneLine + """
            room_metadata: '{"lang":"ru"}'
            agent: {name: voice-agent, metadata: inbound}

        """;

    /// <summary><see cref="OneLineWithAgent"/> with other agent metadata.</summary>
    public const string OneLineWithAgentChanged = OneLine + """
            room_metadata: '{"lang":"ru"}'
            agent: {name: voice-agent, metadata: outbound}

        """;
}
