using System.Text.Json;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The tools offered to the model: end_call, transfer_to_human, send_dtmf, and the HTTP tools from configuration.</summary>
internal static class AgentToolset
{
    private static readonly JsonElement NoParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    public static IReadOnlyList<ToolDefinition> Definitions(HttpToolInvoker httpTools) =>
    [
        new ToolDefinition(BuiltInTools.EndCall, "End the call after saying goodbye, when the caller's request is complete or they say goodbye.", NoParameters),
        new ToolDefinition(BuiltInTools.TransferToHuman, "Transfer the caller to a human operator, when they ask for a person or you cannot help.", NoParameters),
        SendDtmfTool.Definition,
        .. httpTools.Definitions(),
    ];
}
