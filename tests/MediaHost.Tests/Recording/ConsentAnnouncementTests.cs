using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Recording;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>
/// The consent announcement: played to the caller after the answer and before the agent gets the call; recording starts
/// once it has been sent, so the announcement is not in the recording and the agent's first words are. Without a phrase
/// recording starts at the answer; a call the policy does not record gets no tap at all.
/// </summary>
public sealed class ConsentAnnouncementTests : IDisposable
{
    private const short Consent = 777;
    private const short Agent = 555;
    private readonly string _folder = Directory.CreateTempSubdirectory("consent-").FullName;
    private readonly List<RecordedFile> _recorded = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class ToneSpeech : ITextToSpeech
    {
        public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            for (var i = 0; i < 15; i++)
            {
                yield return Enumerable.Repeat(Consent, AudioFormat.SamplesPerFrame).ToArray();
            }
        }
    }

    private sealed class Sink(List<RecordedFile> files) : IRecordedFileSink
    {
        public bool Enqueue(RecordedFile file)
        {
            files.Add(file);
            return true;
        }
    }

    private sealed class Policy(RecordingDecision decision) : IRecordingPolicy
    {
        public RecordingDecision Decide(InboundCall call) => decision;
    }

    /// <summary>The agent double: answers, says ten frames, waits until they were sent, hangs up.</summary>
    private sealed class SpeakingAgent : ICallHandler
    {
        public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
        {
            var session = await call.AnswerAsync(cancellationToken);
            for (var i = 0; i < 10; i++)
            {
                await session.WriteFrameAsync(Enumerable.Repeat(Agent, AudioFormat.SamplesPerFrame).ToArray(), cancellationToken);
            }
            await ((ClockedCallSession)session).DrainedAsync();
            await session.HangUpAsync(Shared.Calls.CallEndReason.AgentHangUp, cancellationToken);
        }
    }

    private async Task<ClockedCallSession> CallAsync(RecordingDecision decision)
    {
        var options = Options.Create(new RecordingOptions { Enabled = true, Directory = _folder });
        var consent = new ConsentAnnouncer(new PhraseAudioCache(new ToneSpeech()), Options.Create(new AiLoopOptions { Language = "en-US" }), TimeProvider.System);
        var handler = new RecordingCallHandler(new SpeakingAgent(), new Policy(decision), consent, new Sink(_recorded), id => "cp-" + id, options,
            NullLogger<RecordingCallHandler>.Instance);
        var call = new ClockedCallSession();
        await handler.HandleAsync(call, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await call.DisposeAsync();
        return call;
    }

    [Fact]
    public async Task The_caller_hears_the_announcement_first_and_the_recording_starts_after_it_with_the_agents_words()
    {
        var call = await CallAsync(new RecordingDecision(true, "This call is recorded."));

        var sent = call.Sent.Where(level => level != 0).ToList();
        Assert.Equal(Enumerable.Repeat(Consent, 15).Concat(Enumerable.Repeat(Agent, 10)), sent);
        var file = Assert.Single(_recorded);
        Assert.Equal("cp-" + call.Call.CallId, file.CallId);
        var wav = RecordedWav.Read(file.Path);
        Assert.DoesNotContain(Consent, wav.Right);
        Assert.Equal(10 * AudioFormat.SamplesPerFrame, wav.Right.Count(s => s == Agent));
        Assert.All(wav.Left, s => Assert.Equal(100, s));
    }

    [Fact]
    public async Task Without_a_phrase_the_recording_starts_at_the_answer()
    {
        var call = await CallAsync(new RecordingDecision(true, ""));

        Assert.DoesNotContain(Consent, call.Sent);
        var wav = RecordedWav.Read(Assert.Single(_recorded).Path);
        Assert.Equal(10 * AudioFormat.SamplesPerFrame, wav.Right.Count(s => s == Agent));
    }

    [Fact]
    public async Task A_call_the_policy_does_not_record_plays_no_announcement_and_leaves_no_file()
    {
        var call = await CallAsync(RecordingDecision.Off);

        Assert.DoesNotContain(Consent, call.Sent);
        Assert.Empty(_recorded);
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
