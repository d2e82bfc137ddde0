namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>The front-door tests run one after another, not beside each other: each holds several processes and timed calls.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FrontDoorCollection
{
    public const string Name = "Front door";
}
