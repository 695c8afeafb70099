using PolarBilling.Emulator;

namespace PolarBilling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The app's clock in tests: "now" is the emulator's (frozen until <see cref="PolarEmulator.AdvanceClock"/>), so
/// entitlements, trials and periods agree with Polar. Timers and delays stay on real time (only GetUtcNow is moved).
/// </summary>
public sealed class EmulatorTimeProvider(PolarEmulator emulator) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => emulator.Now;
}
