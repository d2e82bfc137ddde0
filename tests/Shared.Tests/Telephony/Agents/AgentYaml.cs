namespace VoiceFunctions.Shared.Tests.Telephony.Agents;

/// <summary>An agents section two numbers share a MediaHost with: sales in English, support in Russian.</summary>
internal static class AgentYaml
{
    public const string TwoNumbers = """
        agents:
          default:
            language: en-US
            prompt: "You help {{first_name}}."
            greeting: "Hello {{first_name}}, how can I help?"
            variables:
              - {name: first_name, default: there}
            transfer_targets:
              - {name: operator, uri: "sip:operator@example.com"}
          profiles:
            - id: sales
              numbers: ["+15550001001"]
              greeting: "Hello {{first_name}}, this is sales."
              recording: {enabled: true, consent_phrase: "This call is recorded."}
            - id: support
              numbers: ["8 (495) 000-00-02"]
              language: ru-RU
              prompt: "Ты поддержка. Заказ {{order_id}}."
              greeting: "Здравствуйте, это поддержка."
              variables:
                - {name: order_id}
              transfer_targets: []
        """;
}
