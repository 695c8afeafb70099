namespace PolarBilling.Emulator;

/// <summary>How emulator time moves (see <see cref="PolarEmulatorOptions.ClockMode"/>).</summary>
public enum EmulatorClockMode
{
    /// <summary>
    /// Time stands still until the test clock is advanced (<see cref="PolarEmulator.AdvanceClock"/> or
    /// <c>POST /emulator/clock/advance</c>), which then runs everything that time causes. The default in process, for tests.
    /// </summary>
    Frozen,

    /// <summary>
    /// Time flows with the real clock (plus any advance), and renewals, retries and expiries run by themselves as their
    /// moment comes, checked every second. The default of the standalone emulator.
    /// </summary>
    Running,
}
