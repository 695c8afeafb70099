namespace PolarBilling.Usage.Bench;

/// <summary>One wrk run.</summary>
/// <param name="RequestsPerSecond">Completed requests per second.</param>
/// <param name="Requests">Completed requests.</param>
/// <param name="Errors">Answers outside 2xx/3xx plus socket errors.</param>
/// <param name="P50Ms">Median latency in ms.</param>
/// <param name="P99Ms">99th percentile latency in ms.</param>
internal sealed record WrkResult(double RequestsPerSecond, long Requests, long Errors, double P50Ms, double P99Ms);
