namespace VoiceFunctions.Functions.LocalHost;

/// <summary>Where the local host keeps its orchestrations.</summary>
public enum DurableBackend
{
    /// <summary>
    /// The production provider (Durable Task Azure Storage) over the configured storage account (Azurite locally):
    /// orchestrations survive a restart, and the task hub's tables and queues look as they do in Azure.
    /// </summary>
    AzureStorage,
    /// <summary>The in-process test backend: fast, forgets every orchestration when the process ends (unit tests only).</summary>
    InMemory,
}
