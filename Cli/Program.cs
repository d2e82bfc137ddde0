using VoiceFunctions.Cli;

// voicectl: validates and deploys the SIP/LiveKit configuration and diagnoses a broken setup.
return await VoicectlCommand.RunAsync(CliContext.FromProcess(), args);
