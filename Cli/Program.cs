using System.CommandLine;

// voicectl: validates and deploys the SIP/LiveKit configuration and diagnoses a broken setup.
var root = new RootCommand("voicectl: SIP/LiveKit configuration as code and diagnostics for VoiceFunctions");
return root.Parse(args).Invoke();
