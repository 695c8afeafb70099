namespace PolarBilling.Emulator.Clock;

/// <summary>Something time causes: due at <see cref="At"/>; <see cref="Order"/> breaks ties at one instant.</summary>
internal sealed record DueWork(DateTimeOffset At, int Order, string Kind, string ObjectId, Func<string> Run)
{
    /// <summary>Identifies this occurrence, so a piece of work that Polar's rules refuse is not retried in a loop.</summary>
    public (string Kind, string ObjectId, DateTimeOffset At) Key => (Kind, ObjectId, At);
}
