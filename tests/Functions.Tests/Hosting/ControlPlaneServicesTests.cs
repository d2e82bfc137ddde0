using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.Functions.Tests.Hosting;

public sealed class ControlPlaneServicesTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["LiveKit:Url"] = "http://127.0.0.1:7880",
        ["LiveKit:ApiKey"] = "APIcontrol",
        ["LiveKit:ApiSecret"] = WebhookTestKit.NewSecret(),
        ["AgentEvents:Secret"] = WebhookTestKit.NewSecret(),
        ["AgentDispatch:OutboundTrunkId"] = "ST_mediahost",
        ["Calls:HumanTransferTo"] = "tel:+74951112233",
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddControlPlane(configuration).BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public void Every_function_class_and_activity_resolves_from_a_complete_configuration()
    {
        using var sp = Build(ValidSettings());

        Assert.NotNull(ActivatorUtilities.CreateInstance<LiveKitWebhookFunction>(sp));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AgentEventsFunction>(sp));
        Assert.NotNull(ActivatorUtilities.CreateInstance<CallActivityFunctions>(sp));
        Assert.IsType<SipAgentDispatcher>(sp.GetRequiredService<IAgentDispatcher>());
        Assert.Equal("tel:+74951112233", sp.GetRequiredService<IOptions<CallPolicyOptions>>().Value.ToSettings().HumanTransferTo);
    }

    [Fact]
    public void Missing_and_invalid_settings_are_each_named()
    {
        var settings = ValidSettings();
        settings.Remove("AgentEvents:Secret");
        settings["Calls:HumanTransferTo"] = "+74951112233";
        using var sp = Build(settings);

        var secret = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AgentEventsOptions>>().Value);
        var transfer = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<CallPolicyOptions>>().Value);

        Assert.Contains("Secret", secret.Message);
        Assert.Contains("Calls:HumanTransferTo", transfer.Message);
    }
}
