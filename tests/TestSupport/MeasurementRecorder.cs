using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VoiceFunctions.TestSupport;

/// <summary>One measurement an instrument emitted, with its tags.</summary>
public sealed record RecordedMeasurement(string Meter, string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// Listens to the instruments of meters made by one <see cref="IMeterFactory"/> (so tests running in parallel,
/// each with its own factory, never see each other's measurements) and keeps every long/int/double measurement.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public MeasurementRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> All => _measurements.ToArray();

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => All.Where(m => m.Instrument == instrument).ToArray();

    /// <summary>Reads the observable instruments now (they report only when collected).</summary>
    public void CollectObservable() => _listener.RecordObservableInstruments();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }
        _measurements.Enqueue(new RecordedMeasurement(instrument.Meter.Name, instrument.Name, instrument.Unit, value, map));
    }

    public void Dispose() => _listener.Dispose();
}
