using PolarBilling.Client;
using PolarBilling.Emulator.BenefitGrants;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Cancel, uncancel and revoke as Polar's <c>_perform_cancellation</c> and <c>uncancel</c>.</summary>
internal static class SubscriptionLifecycle
{
    /// <summary>Ends the subscription now: <c>canceled</c>, benefits revoked (unless the caller revokes them itself).</summary>
    /// <exception cref="EmulatorProblem">403 <c>AlreadyCanceledSubscription</c>.</exception>
    public static Subscription Revoke(EmulatorState state, Subscription subscription, CustomerCancellationReason? reason, string? comment, bool revokeBenefits = true)
    {
        var change = new SubscriptionChange(state, subscription);
        Cancel(state, change, reason, comment, immediately: true, revokeBenefits);
        return change.Complete();
    }

    /// <summary>
    /// Records a cancellation (Polar's <c>_perform_cancellation</c>): at the period end, or now. A scheduled pause is
    /// called off (polarsource/polar#13691).
    /// </summary>
    /// <exception cref="EmulatorProblem">403 <c>AlreadyCanceledSubscription</c>.</exception>
    public static void Cancel(EmulatorState state, SubscriptionChange change, CustomerCancellationReason? reason, string? comment, bool immediately, bool revokeBenefits = true)
    {
        var subscription = change.Subscription;
        if (!SubscriptionStates.CanCancel(subscription, immediately))
        {
            throw SubscriptionProblems.AlreadyCanceled();
        }

        var now = state.Now;
        subscription.CanceledAt = now;
        subscription.CustomerCancellationReason = reason ?? subscription.CustomerCancellationReason;
        subscription.CustomerCancellationComment = string.IsNullOrEmpty(comment) ? subscription.CustomerCancellationComment : comment;
        subscription.PauseAtPeriodEnd = false;
        subscription.ResumesAt = null;
        if (immediately)
        {
            subscription.EndsAt = now;
            subscription.EndedAt = now;
            subscription.Status = SubscriptionStatus.Canceled;
            if (revokeBenefits)
            {
                change.Defer(() => BenefitGrantEngine.RevokeForSubscription(state, subscription));
            }
        }
        else
        {
            subscription.CancelAtPeriodEnd = true;
            subscription.EndsAt = subscription.CurrentPeriodEnd;
        }
    }

    /// <summary>Polar's <c>uncancel</c>: 410 once ended, 400 unless billable and set to cancel at period end.</summary>
    public static void Uncancel(SubscriptionChange change)
    {
        var subscription = change.Subscription;
        if (subscription.EndedAt is not null)
        {
            throw Problems.Error(410, "ResourceUnavailable", "Resource unavailable");
        }

        if (!(SubscriptionStates.IsBillable(subscription.Status) && subscription.CancelAtPeriodEnd))
        {
            throw Problems.Error(400, "BadRequest", "Bad request");
        }

        subscription.CancelAtPeriodEnd = false;
        subscription.EndsAt = null;
        subscription.CanceledAt = null;
        subscription.CustomerCancellationReason = null;
        subscription.CustomerCancellationComment = null;
    }
}
