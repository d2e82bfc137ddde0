using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

public sealed class MetricsTests
{
    [Fact]
    public async Task Every_attempt_is_measured_with_its_method_outcome_and_attempt_number()
    {
        await using var api = await ApiHarness.StartAsync(fakeTime: true);
        var meterFactory = api.Provider.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(double Seconds, string Method, string Outcome, int Attempt)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LiveKitMetricNames.Meter && instrument.Meter.Scope == meterFactory && instrument.Name == LiveKitMetricNames.ApiDuration)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value;
            }
            measurements.Enqueue((value, (string)map[LiveKitMetricNames.MethodTag]!, (string)map[LiveKitMetricNames.OutcomeTag]!, (int)map[LiveKitMetricNames.AttemptTag]!));
        });
        listener.Start();
        api.Server.Faults.FailNext(LiveKitApiMethods.ListRooms, 1, TwirpErrorCode.Unavailable);
        api.Server.Faults.DropNext(LiveKitApiMethods.ListRooms, 1);

        await api.Rooms.ListRoomsAsync().DefaultTimeout();
        await Assert.ThrowsAsync<LiveKitNotFoundException>(() => api.Rooms.GetParticipantAsync("nowhere", "x")).DefaultTimeout();

        Assert.Equal(
            [
                ("RoomService/ListRooms", "unavailable", 1),
                ("RoomService/ListRooms", "connection_error", 2),
                ("RoomService/ListRooms", "success", 3),
                ("RoomService/GetParticipant", "not_found", 1),
            ],
            measurements.Select(m => (m.Method, m.Outcome, m.Attempt)));
        Assert.All(measurements, m => Assert.True(m.Seconds >= 0));
    }
}
