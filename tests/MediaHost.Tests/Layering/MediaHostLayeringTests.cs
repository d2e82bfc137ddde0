using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Rtp.Dtmf;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Layering;

/// <summary>
/// The media model and the protocol folders (Sip with Sdp, Rtp, Codecs, Media) import nothing above them: no call
/// surface, agent, provider, control-plane or hosting type, neither in their source nor in what they compile to.
/// </summary>
public sealed class MediaHostLayeringTests
{
    [Fact]
    public void No_source_file_of_the_lower_layers_imports_an_upper_namespace()
    {
        var offences = new List<string>();
        foreach (var folder in MediaHostLayers.LowerFolders)
        {
            var root = Path.Combine(RepoPaths.Root, "MediaHost", folder);
            Assert.True(Directory.Exists(root), root + " is missing: update MediaHostLayers");
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                offences.AddRange(SourceImports.Upward(File.ReadAllText(file))
                    .Select(hit => $"{Path.GetRelativePath(RepoPaths.Root, file)}:{hit.Line}: {hit.Text}"));
            }
        }
        Assert.True(offences.Count == 0, "Lower layers import upward:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void No_compiled_type_of_the_lower_layers_uses_an_upper_type()
    {
        var offences = typeof(SipUserAgent).Assembly.GetTypes()
            .Where(t => MediaHostLayers.IsIn(t.Namespace, MediaHostLayers.LowerNamespaces))
            .SelectMany(t => CompiledReferences.Of(t)
                .Where(used => MediaHostLayers.IsIn(used.Namespace, MediaHostLayers.UpperNamespaces))
                .Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(offences.Count == 0, "Lower layers use upper types:\n" + string.Join("\n", offences));
    }

    [Theory]
    [InlineData("using VoiceFunctions.MediaHost.Calls;")]
    [InlineData("global using VoiceFunctions.MediaHost.Agent.Session;")]
    [InlineData("using Hosting = VoiceFunctions.MediaHost.Hosting;")]
    [InlineData("    private readonly MediaHost.Providers.ITextToSpeech _tts;")]
    public void The_source_check_catches_each_way_of_importing_upward(string line) =>
        Assert.Single(SourceImports.Upward("namespace VoiceFunctions.MediaHost.Sip;\n" + line + "\n"));

    [Theory]
    [InlineData("using VoiceFunctions.MediaHost.MediaModel;")]
    [InlineData("using VoiceFunctions.Shared.Calls;")]
    [InlineData("    public SipUserAgent Agent { get; }")]
    public void The_source_check_lets_downward_and_shared_imports_pass(string line) =>
        Assert.Empty(SourceImports.Upward(line));

    [Fact]
    public void The_compiled_check_sees_uses_in_signatures_and_in_method_bodies()
    {
        // The call layer is above SIP: reading it the other way round must find both kinds of use.
        var used = WithNested(typeof(Call)).SelectMany(CompiledReferences.Of).Select(t => t.FullName).ToList();
        Assert.Contains(typeof(ISipCallSignalling).FullName, used); // a field and a constructor parameter
        Assert.Contains(typeof(TelephoneEvent).FullName, used); // called only in SendDtmfAsync's state machine...
        var bodies = WithNested(typeof(SipCallPlacement)).SelectMany(CompiledReferences.Of).Select(t => t.FullName).ToList();
        Assert.Contains(typeof(Call).FullName, bodies); // ...and "new Call(...)" only inside an async body
    }

    // The compiler's closures and async state machines are nested in the type whose code they carry.
    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public).SelectMany(WithNested).Prepend(type);
}
