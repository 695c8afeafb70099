using PolarBilling.Store;

namespace PolarBilling.Entitlements;

/// <summary>Whether one subscription grants its plan at an instant, and until when.</summary>
internal static class SubscriptionAccess
{
    /// <summary>
    /// <c>trialing</c>/<c>active</c> grant (until the period end when canceled at period end); <c>past_due</c> grants
    /// until the failed payment plus the grace period; everything else (canceled, unpaid, incomplete, paused, ended)
    /// grants nothing.
    /// </summary>
    /// <param name="subscription">The projected subscription.</param>
    /// <param name="now">The instant.</param>
    /// <param name="grace">How long <c>past_due</c> keeps access.</param>
    /// <param name="until">When the access ends unless something changes; <see langword="null"/> when open-ended.</param>
    public static bool Grants(BillingSubscription subscription, DateTimeOffset now, TimeSpan grace, out DateTimeOffset? until)
    {
        until = null;
        if (subscription.EndedAt is { } ended && ended <= now)
        {
            return false;
        }

        switch (subscription.Status)
        {
            case "trialing" or "active":
                break;
            case "past_due":
                if ((subscription.PastDueAt ?? subscription.CurrentPeriodEnd ?? subscription.PolarModifiedAt) is not { } since)
                {
                    return false;
                }

                until = since + grace;
                break;
            default:
                return false;
        }

        if (subscription.CancelAtPeriodEnd && (subscription.EndsAt ?? subscription.CurrentPeriodEnd) is { } periodEnd)
        {
            until = until is { } earlier && earlier < periodEnd ? earlier : periodEnd;
        }

        if (subscription.EndedAt is { } endsAt && (until is null || endsAt < until))
        {
            until = endsAt;
        }

        return until is null || until > now;
    }
}
