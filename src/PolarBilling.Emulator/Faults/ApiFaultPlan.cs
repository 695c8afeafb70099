namespace PolarBilling.Emulator.Faults;

/// <summary>What the fault rules decided for one API request.</summary>
/// <param name="LatencyMilliseconds">Real time to wait first (the sum of every latency rule that fired).</param>
/// <param name="Outcome">The error, 429 or drop rule that fired, if any: it decides the answer.</param>
internal sealed record ApiFaultPlan(int LatencyMilliseconds, FaultRule? Outcome);
