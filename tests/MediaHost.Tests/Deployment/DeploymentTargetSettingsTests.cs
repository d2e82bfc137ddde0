namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// The settings each deployment target gives the MediaHost are ones the MediaHost starts with: taken from what the
/// templates produce (infra.bicep compiled by the Bicep CLI with the sample parameters, expressions evaluated) and
/// run through the MediaHost's own options validation.
/// </summary>
public sealed class DeploymentTargetSettingsTests
{
    [Fact]
    public void Infra_template_containers_get_settings_the_MediaHost_accepts()
    {
        var containers = CompiledDeployment.Sample.ContainerEnvironments(("mediaHostTarget", "aci")).ToArray();
        Assert.NotEmpty(containers);
        var problems = containers
            .SelectMany(container => MediaHostSettingsCheck.Problems(container.Environment).Select(problem => $"{container.Container}: {problem}"))
            .ToArray();
        Assert.True(problems.Length == 0, "the MediaHost would not start with the settings the deployment gives it:\n" + string.Join("\n", problems));
    }
}
