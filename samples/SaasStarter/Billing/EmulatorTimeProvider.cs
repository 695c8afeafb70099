using PolarBilling.Emulator;

namespace SaasStarter.Billing;

/// <summary>
/// The app's clock in emulator mode: the emulator's time, so entitlements expire when the emulator's clock (advanced
/// with <c>POST /emulator/clock/advance</c>) passes a period end, as they would with Polar in real time.
/// </summary>
internal sealed class EmulatorTimeProvider(PolarEmulator emulator) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => emulator.Now;
}
