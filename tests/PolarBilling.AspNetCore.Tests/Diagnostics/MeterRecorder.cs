using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PolarBilling.Diagnostics;

namespace PolarBilling.AspNetCore.Tests.Diagnostics;

/// <summary>
/// Records the PolarBilling meter's measurements of ONE app: only instruments on meters created by that app's
/// <see cref="IMeterFactory"/>, so apps of tests running in parallel do not mix.
/// </summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MeterRecorder(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PolarBillingMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            Measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public void Dispose() => _listener.Dispose();

    internal sealed record Measurement(string Instrument, string? Unit, long Value, Dictionary<string, object?> Tags);
}
