namespace PolarBilling.Emulator.Faults;

/// <summary>
/// The seeded coin of fault rules: the n-th decision of a rule is a pure function of (seed, rule number, n), so the
/// same requests and events give the same faults in every run, and traffic on other routes cannot shift a rule's
/// outcomes the way one shared <see cref="Random"/> would. SplitMix64, stable across processes and platforms.
/// </summary>
internal static class FaultDice
{
    /// <summary>A number in [0, 1) for the <paramref name="nth"/> decision (from 0) of rule <paramref name="rule"/>.</summary>
    public static double Roll(long seed, long rule, long nth)
    {
        var mixed = Mix(Mix(Mix(unchecked((ulong)seed)) ^ unchecked((ulong)rule)) ^ unchecked((ulong)nth));
        return (mixed >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
