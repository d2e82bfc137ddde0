namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// The numbers a cancelled campaign will not call: the unloaded ones (<see cref="FromIndex"/> up to <see cref="Total"/>)
/// and the loaded or waiting ones listed in <see cref="Indexes"/>.
/// </summary>
public sealed record CancelNumbersInput(string CampaignId, int FromIndex, int Total, List<int> Indexes);
