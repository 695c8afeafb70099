using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>
/// One change to a subscription, as Polar's <c>SubscriptionUpdateContext</c>: remembers the status and canceled flag
/// before, and on <see cref="Complete"/> emits <c>subscription.updated</c> then the specific events in Polar's
/// <c>_after_subscription_updated</c> order, then <c>customer.state_changed</c>, then the deferred work Polar runs as
/// background jobs (benefit grants and revocations).
/// </summary>
internal sealed class SubscriptionChange
{
    private readonly EmulatorState _state;
    private readonly SubscriptionStatus _previousStatus;
    private readonly bool _previousCanceled;
    private readonly List<Action> _jobs = [];

    public SubscriptionChange(EmulatorState state, Subscription subscription)
    {
        _state = state;
        Subscription = subscription;
        _previousStatus = subscription.Status;
        _previousCanceled = SubscriptionStates.IsCanceled(subscription);
    }

    public Subscription Subscription { get; }

    /// <summary>Polar's <c>invoice</c> billing effect: the waiting prorations are billed before the webhooks of the change.</summary>
    public bool BillNow { get; set; }

    /// <summary>Polar's <c>cycle</c> billing effect (a trial ended now): a new period starts before the webhooks of the change.</summary>
    public bool CycleNow { get; set; }

    /// <summary>Set when a new period began (<c>subscription.cycled</c>, sent before <c>subscription.updated</c>).</summary>
    public bool Cycled { get; set; }

    /// <summary>Set when the change paused the subscription (<c>subscription.paused</c>).</summary>
    public bool Paused { get; set; }

    /// <summary>Set when the change resumed the subscription (<c>subscription.resumed</c> instead of <c>subscription.active</c>).</summary>
    public bool Resumed { get; set; }

    /// <summary>Work Polar runs as a job after the transaction: it happens after the webhooks of the change.</summary>
    public void Defer(Action job) => _jobs.Add(job);

    public Subscription Complete()
    {
        var subscription = Subscription;
        if (CycleNow)
        {
            SubscriptionRenewal.Cycle(_state, this);
        }
        else if (BillNow)
        {
            SubscriptionInvoices.BillUpdateNow(_state, subscription);
        }

        subscription.ModifiedAt = _state.Now;
        var status = subscription.Status;
        var becameActivated = SubscriptionStates.IsActive(status) && !SubscriptionStates.IsActive(_previousStatus) && !Resumed;
        var becamePastDue = status == SubscriptionStatus.PastDue && _previousStatus != SubscriptionStatus.PastDue;
        var canceled = SubscriptionStates.IsCanceled(subscription);
        var becameCanceled = canceled && !_previousCanceled;
        var becameUncanceled = !canceled && _previousCanceled;
        var becameRevoked = SubscriptionStates.IsRevoked(status) && !SubscriptionStates.IsRevoked(_previousStatus);

        if (Cycled)
        {
            Emit(s => new SubscriptionCycledWebhookEvent(s, _state.Now));
        }

        Emit(s => new SubscriptionUpdatedWebhookEvent(s, _state.Now));
        if (becameActivated)
        {
            Emit(s => new SubscriptionActiveWebhookEvent(s, _state.Now));
        }

        if (Paused)
        {
            Emit(s => new SubscriptionPausedWebhookEvent(s, _state.Now));
        }

        if (Resumed)
        {
            Emit(s => new SubscriptionResumedWebhookEvent(s, _state.Now));
        }

        if (becameUncanceled)
        {
            Emit(s => new SubscriptionUncanceledWebhookEvent(s, _state.Now));
        }

        if (becamePastDue)
        {
            Emit(s => new SubscriptionPastDueWebhookEvent(s, _state.Now));
        }

        if (becameCanceled || (becameRevoked && _previousCanceled))
        {
            Emit(s => new SubscriptionCanceledWebhookEvent(s, _state.Now));
        }

        if (becameRevoked)
        {
            Emit(s => new SubscriptionRevokedWebhookEvent(s, _state.Now));
        }

        SubscriptionNotices.CustomerStateChanged(_state, subscription.CustomerId);
        foreach (var job in _jobs)
        {
            job();
        }

        return subscription;
    }

    private void Emit(Func<Subscription, PolarWebhookEvent> build) => SubscriptionNotices.Emit(_state, Subscription, build);
}
