using VoiceFunctions.Functions.LocalHost;

// dotnet run --project Functions.LocalHost -- --settings local.settings.json [--urls http://127.0.0.1:7071]
var app = LocalControlPlaneHost.Build(args);
app.Run();
