using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Sip.Policy;

/// <summary>CPU admission: new calls are refused with 503 and Retry-After while the process is short of CPU over the window.</summary>
public sealed class CpuAdmissionTests
{
    private sealed class FakeCpu : ICpuTimeSource
    {
        public TimeSpan TotalProcessorTime { get; set; }
    }

    private static readonly CpuAdmissionOptions Options = new() { ThresholdPercent = 85, Window = TimeSpan.FromSeconds(5), SampleInterval = TimeSpan.FromSeconds(1) };

    /// <summary>Runs the process at <paramref name="coresBusy"/> (of 2 cores) for <paramref name="seconds"/> seconds of fake time.</summary>
    private static void Run(FakeTimeProvider time, FakeCpu cpu, double coresBusy, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            cpu.TotalProcessorTime += TimeSpan.FromSeconds(coresBusy);
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void Usage_is_the_share_of_all_cores_over_the_window_and_is_unknown_before_a_full_window()
    {
        var time = new FakeTimeProvider();
        var cpu = new FakeCpu();
        using var admission = new CpuAdmission(cpu, time, Options, processorCount: 2);

        Run(time, cpu, coresBusy: 1.0, seconds: 4);
        Assert.Null(admission.Usage);
        Assert.False(admission.Overloaded);

        Run(time, cpu, coresBusy: 1.0, seconds: 1);
        Assert.Equal(0.5, admission.Usage!.Value, 3);
        Assert.False(admission.Overloaded);
    }

    [Fact]
    public void Sustained_load_over_the_threshold_overloads_and_a_calmer_window_admits_again()
    {
        var time = new FakeTimeProvider();
        var cpu = new FakeCpu();
        using var admission = new CpuAdmission(cpu, time, Options, processorCount: 2);

        Run(time, cpu, coresBusy: 1.8, seconds: 5); // 90 % of two cores
        Assert.True(admission.Overloaded);

        Run(time, cpu, coresBusy: 0.4, seconds: 3); // the window still holds two busy seconds: (2*1.8 + 3*0.4) / 10 = 48 %
        Assert.Equal(0.48, admission.Usage!.Value, 3);
        Assert.False(admission.Overloaded);
    }

    [Fact]
    public void A_one_second_spike_inside_a_quiet_window_does_not_refuse_calls()
    {
        var time = new FakeTimeProvider();
        var cpu = new FakeCpu();
        using var admission = new CpuAdmission(cpu, time, Options, processorCount: 2);

        Run(time, cpu, coresBusy: 0.2, seconds: 4);
        Run(time, cpu, coresBusy: 2.0, seconds: 1);

        Assert.Equal(0.28, admission.Usage!.Value, 3);
        Assert.False(admission.Overloaded);
    }

    [Fact]
    public void Nonsensical_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpuAdmission(new FakeCpu(), new FakeTimeProvider(), Options with { ThresholdPercent = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CpuAdmission(new FakeCpu(), new FakeTimeProvider(), Options with { SampleInterval = TimeSpan.FromSeconds(10) }));
    }

    [Fact]
    public async Task While_CPU_is_overloaded_new_INVITEs_get_503_with_Retry_After_and_no_media_then_calls_are_admitted_again()
    {
        var time = new FakeTimeProvider();
        var cpu = new FakeCpu();
        using var admission = new CpuAdmission(cpu, time, Options with { RetryAfter = TimeSpan.FromSeconds(12) }, processorCount: 2);
        using var bed = new SipTestBed(new SipUserAgentOptions { CpuAdmission = admission });
        Run(time, cpu, coresBusy: 1.9, seconds: 5);

        bed.Peer.Send(FakeSipPeer.Request("INVITE", "cpu-1", 1, "z9hG4bK-cpu1", body: FakeSipPeer.Sdp));
        var refused = Assert.Single(bed.Peer.Responses(503));
        Assert.Contains("CPU", refused.ReasonPhrase);
        Assert.Equal("12", refused.Headers.Get("Retry-After"));
        Assert.Empty(bed.Media.Sessions);
        Assert.Empty(bed.Peer.Responses(100));

        Run(time, cpu, coresBusy: 0.2, seconds: 5);
        var call = await bed.RingAsync("cpu-2", "z9hG4bK-cpu2");
        Assert.Equal("cpu-2", call.Call.CallId);
    }
}
