using PolarBilling.Store;

namespace PolarBilling.Projection;

/// <summary>
/// The version of a piece of Polar data: its <c>modified_at</c>, else <c>created_at</c>, then the webhook envelope
/// timestamp as the tie-breaker. Newer-or-equal data replaces a row; older data is ignored.
/// </summary>
internal readonly record struct PolarVersion(DateTimeOffset Data, DateTimeOffset? Envelope)
{
    public static PolarVersion Of(DateTimeOffset? modifiedAt, DateTimeOffset createdAt, DateTimeOffset? envelope) =>
        new((modifiedAt ?? createdAt).ToUniversalTime(), envelope?.ToUniversalTime());

    /// <summary>Whether data of this version may replace what <paramref name="row"/> holds. Equal versions apply again (harmless: same data).</summary>
    public bool Supersedes(BillingRow row)
    {
        if (row.PolarModifiedAt is not { } stored)
        {
            return true;
        }

        var byData = Data.CompareTo(stored);
        if (byData != 0)
        {
            return byData > 0;
        }

        // A missing envelope (API data) sorts before any webhook of the same modified_at.
        return (Envelope ?? DateTimeOffset.MinValue) >= (row.EventTimestamp ?? DateTimeOffset.MinValue);
    }

    public void StampOnto(BillingRow row, DateTimeOffset now)
    {
        row.PolarModifiedAt = Data;
        row.EventTimestamp = Envelope;
        row.UpdatedAt = now;
        row.RowVersion++;
    }
}
