namespace PolarBilling.Emulator.Faults;

/// <summary>
/// One fault rule: what it matches, what it does and how often (<see cref="Rate"/>, <see cref="Count"/>), and what it
/// has done so far. The settings never change after <see cref="FaultRegistry.Add"/>; the counters change only under
/// the registry's lock.
/// </summary>
internal sealed class FaultRule
{
    /// <summary><c>fault_1</c>, <c>fault_2</c>, … in the order rules were added since the last clear.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The number in <see cref="Id"/>; seeds the rule's own decision sequence.</summary>
    public long Number { get; set; }

    public required FaultTarget Target { get; init; }

    public required FaultAction Action { get; init; }

    /// <summary>API rules: the requests matched.</summary>
    public FaultRoute? Route { get; init; }

    /// <summary>Webhook rules: the event types matched; <see langword="null"/> for every type.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>The chance (0 to 1) that a matching request or event is faulted. Default 1.</summary>
    public double Rate { get; init; } = 1;

    /// <summary>How many times the rule may fire before it is spent; <see langword="null"/> for no limit.</summary>
    public long? Count { get; init; }

    /// <summary><see cref="FaultAction.Error"/>: the status answered. Default 500.</summary>
    public int Status { get; init; } = 500;

    /// <summary><see cref="FaultAction.Error"/>: the <c>detail</c> of the error body; null for the default naming the rule.</summary>
    public string? Detail { get; init; }

    /// <summary><see cref="FaultAction.Latency"/> and <see cref="FaultAction.Delay"/>: milliseconds of real time.</summary>
    public int Milliseconds { get; init; }

    /// <summary><see cref="FaultAction.RateLimit"/>: how many consecutive matching requests get 429 once it fires. Default 1.</summary>
    public int Burst { get; init; } = 1;

    /// <summary><see cref="FaultAction.RateLimit"/>: the <c>Retry-After</c> seconds. Default 1.</summary>
    public int RetryAfter { get; init; } = 1;

    /// <summary><see cref="FaultAction.Error"/> and <see cref="FaultAction.Drop"/> on the API: serve the request for real first.</summary>
    public bool AfterCommit { get; init; }

    /// <summary><see cref="FaultAction.Duplicate"/>: extra deliveries of the event. Default 1.</summary>
    public int Copies { get; init; } = 1;

    /// <summary><see cref="FaultAction.Reorder"/>: how many later events of the endpoint are delivered first. Default 1.</summary>
    public int After { get; init; } = 1;

    /// <summary><see cref="FaultAction.Reorder"/>: the longest an event is held when no later event comes (ms). Default 10,000.</summary>
    public int MaxHoldMilliseconds { get; init; } = 10_000;

    /// <summary>How many matches were decided (the n of the next decision).</summary>
    public long Matched { get; private set; }

    /// <summary>How many times the rule fired (a 429 burst counts once).</summary>
    public long Fired { get; private set; }

    /// <summary>429s still to answer in the current burst.</summary>
    public int BurstLeft { get; set; }

    /// <summary>Whether <see cref="Count"/> is used up.</summary>
    public bool Spent => Count is { } count && Fired >= count;

    /// <summary>How many more times the rule may fire; <see langword="null"/> without a <see cref="Count"/>.</summary>
    public long? Remaining => Count is { } count ? Math.Max(0, count - Fired) : null;

    /// <summary>Decides one match: fires with probability <see cref="Rate"/> from the seeded dice, unless spent.</summary>
    public bool Roll(long seed)
    {
        if (Spent)
        {
            return false;
        }

        var nth = Matched++;
        var fires = Rate >= 1 || FaultDice.Roll(seed, Number, nth) < Rate;
        if (fires)
        {
            Fired++;
        }

        return fires;
    }
}
