using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <content>The raw update (<c>PATCH /v1/subscriptions/{id}</c>) and the plan, seat, trial and period changes, which can charge.</content>
public sealed partial class SubscriptionsService
{
    /// <summary>
    /// Sends one <see cref="SubscriptionUpdate"/> variant as it is. <c>PATCH /v1/subscriptions/{id}</c>.
    /// The named methods (<see cref="ChangeProductAsync"/>, <see cref="CancelAtPeriodEndAsync"/>, ...) build each variant for you.
    /// </summary>
    /// <remarks>
    /// Retried after transient failures only for variants that cannot charge: cancel/uncancel, pause, clearing a
    /// pending update, and a <see cref="SubscriptionUpdateBase"/> without <c>product_id</c> or <c>trial_end</c>
    /// (discount or metadata). Product, seat, trial-end and billing-period changes, resume, revoke and unknown
    /// variants are sent once and repeated only when Polar certainly did not act.
    /// </remarks>
    /// <param name="id">The subscription id.</param>
    /// <param name="body">The change. Polar accepts exactly one variant per call.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription after the change (a scheduled change shows in <see cref="Subscription.PendingUpdate"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarApiException">402 <c>PaymentFailed</c> (the charge for the change failed) or 409 <c>SubscriptionLocked</c> (another change is in progress); read <see cref="PolarApiException.Error"/>.</exception>
    /// <exception cref="PolarPermissionException">403 <c>AlreadyCanceledSubscription</c> or <c>InactiveSubscription</c>.</exception>
    /// <exception cref="PolarNotFoundException">No subscription has this id.</exception>
    /// <exception cref="PolarValidationException">Polar rejected the change (422).</exception>
    /// <exception cref="PolarTimeoutException">No answer in time; for a charging change, look the subscription up before trying again.</exception>
    public Task<Subscription> UpdateAsync(
        string id, SubscriptionUpdate body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var path = PathOf(id);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<SubscriptionUpdate, Subscription>(
            HttpMethod.Patch, path, body, SubscriptionUpdateRetry.ModeFor(body), requestOptions, cancellationToken);
    }

    /// <summary>
    /// Moves the subscription to another product (upgrade or downgrade): sends only <c>product_id</c> and, when given,
    /// <c>proration_behavior</c>. Can charge at once; sent once (see <see cref="UpdateAsync"/>).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="productId">The new recurring product.</param>
    /// <param name="prorationBehavior">
    /// <see cref="SubscriptionProrationBehavior.Invoice"/> charges the difference now, <see cref="SubscriptionProrationBehavior.Prorate"/>
    /// adds it to the next invoice, <see cref="SubscriptionProrationBehavior.NextPeriod"/> switches at the next period without
    /// proration, <see cref="SubscriptionProrationBehavior.Reset"/> charges the new plan in full and restarts the cycle.
    /// Default <see langword="null"/>: the organization's setting.
    /// </param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="productId"/> is null or empty.</exception>
    /// <exception cref="PolarApiException">402 <c>PaymentFailed</c> or 409 <c>SubscriptionLocked</c>; see <see cref="UpdateAsync"/> for the rest.</exception>
    public Task<Subscription> ChangeProductAsync(
        string id, string productId, SubscriptionProrationBehavior? prorationBehavior = null,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        return UpdateAsync(id, new SubscriptionUpdateBase { ProductId = productId, ProrationBehavior = prorationBehavior }, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Sets the number of seats of a seat-based subscription: sends only <c>seats</c> and, when given, <c>proration_behavior</c>.
    /// Can charge at once; sent once (see <see cref="UpdateAsync"/>).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="seats">The new seat count, at least 1.</param>
    /// <param name="prorationBehavior">How to bill the difference; default <see langword="null"/>: the organization's setting.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seats"/> is below 1.</exception>
    /// <exception cref="PolarApiException">402 <c>PaymentFailed</c> or 409 <c>SubscriptionLocked</c>; see <see cref="UpdateAsync"/> for the rest.</exception>
    public Task<Subscription> UpdateSeatsAsync(
        string id, long seats, SubscriptionProrationBehavior? prorationBehavior = null,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        return UpdateAsync(id, new SubscriptionUpdateSeats { Seats = seats, ProrationBehavior = prorationBehavior }, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Ends the trial now (<c>{"trial_end": "now"}</c>): the subscription becomes active and the first period is charged.
    /// Sent once (see <see cref="UpdateAsync"/>).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarApiException">402 <c>PaymentFailed</c> or 409 <c>SubscriptionLocked</c>; see <see cref="UpdateAsync"/> for the rest.</exception>
    public Task<Subscription> EndTrialAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionUpdateBase { TrialEnd = "now" }, requestOptions, cancellationToken);

    /// <summary>
    /// Sets or extends the trial to end at <paramref name="trialEnd"/> (sends only <c>trial_end</c>, in UTC).
    /// Sent once (see <see cref="UpdateAsync"/>).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="trialEnd">When the trial ends; Polar requires a future instant.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarValidationException">The instant is in the past (422).</exception>
    public Task<Subscription> SetTrialEndAsync(
        string id, DateTimeOffset trialEnd, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionUpdateBase { TrialEnd = Serialization.PolarDateTimeConverter.Format(trialEnd) }, requestOptions, cancellationToken);

    /// <summary>
    /// Moves the end of the current billing period (the renewal date) to <paramref name="periodEnd"/>: sends only
    /// <c>current_billing_period_end</c>. Not possible on a canceled subscription. Sent once (see <see cref="UpdateAsync"/>).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="periodEnd">The new renewal instant; earlier or later than today's, but in the future.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarValidationException">The instant is in the past or the subscription is canceled (422).</exception>
    public Task<Subscription> SetBillingPeriodEndAsync(
        string id, DateTimeOffset periodEnd, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionUpdateBillingPeriod { CurrentBillingPeriodEnd = periodEnd }, requestOptions, cancellationToken);
}
