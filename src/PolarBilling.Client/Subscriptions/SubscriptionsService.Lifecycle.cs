using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <content>Cancel, uncancel, revoke with a reason, pause and resume: each a <c>PATCH /v1/subscriptions/{id}</c> with one variant.</content>
public sealed partial class SubscriptionsService
{
    /// <summary>
    /// Cancels at the end of the paid period (<c>{"cancel_at_period_end": true}</c>): the customer keeps access until
    /// <see cref="Subscription.CurrentPeriodEnd"/>, then it ends without another charge. Undo with <see cref="UncancelAsync"/>.
    /// Retried after transient failures (setting the flag twice is harmless).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="reason">The customer's reason, only when the customer gave it; default <see langword="null"/> (not sent).</param>
    /// <param name="comment">The customer's own words; visible to the customer, so never internal notes. Default <see langword="null"/> (not sent).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarPermissionException">403 <c>AlreadyCanceledSubscription</c>: it was revoked already.</exception>
    /// <exception cref="PolarApiException">409 <c>SubscriptionLocked</c>; see <see cref="UpdateAsync"/> for the rest.</exception>
    public Task<Subscription> CancelAtPeriodEndAsync(
        string id, CustomerCancellationReason? reason = null, string? comment = null,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            id,
            new SubscriptionCancel { CancelAtPeriodEnd = true, CustomerCancellationReason = reason, CustomerCancellationComment = comment },
            requestOptions,
            cancellationToken);

    /// <summary>
    /// Takes back a cancellation at period end (<c>{"cancel_at_period_end": false}</c>): the subscription renews again.
    /// Retried after transient failures.
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarPermissionException">403 <c>AlreadyCanceledSubscription</c>: it has already ended and cannot be uncanceled.</exception>
    public Task<Subscription> UncancelAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionCancel { CancelAtPeriodEnd = false }, requestOptions, cancellationToken);

    /// <summary>
    /// Revokes now and records why (<c>{"revoke": true, ...}</c>); same effect as <see cref="RevokeAsync"/>.
    /// Sent once (see <see cref="RevokeAsync"/> for why).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="reason">The customer's reason.</param>
    /// <param name="comment">The customer's own words; visible to the customer. Default <see langword="null"/> (not sent).</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarPermissionException">403 <c>AlreadyCanceledSubscription</c>.</exception>
    /// <exception cref="PolarApiException">409 <c>SubscriptionLocked</c>; see <see cref="UpdateAsync"/> for the rest.</exception>
    public Task<Subscription> RevokeWithReasonAsync(
        string id, CustomerCancellationReason reason, string? comment = null,
        PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            id,
            new SubscriptionRevoke { CustomerCancellationReason = reason, CustomerCancellationComment = comment },
            requestOptions,
            cancellationToken);

    /// <summary>
    /// Pauses at the end of the current period (<c>{"pause_at_period_end": true}</c>): no charges while paused.
    /// Retried after transient failures (setting the flag twice is harmless).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="resumesAt">When to resume by itself (after the current period end); default <see langword="null"/>: stays paused until <see cref="ResumeAsync"/>.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarPermissionException">403 <c>InactiveSubscription</c> or <c>AlreadyCanceledSubscription</c>.</exception>
    public Task<Subscription> PauseAsync(
        string id, DateTimeOffset? resumesAt = null, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionPause { PauseAtPeriodEnd = true, ResumesAt = resumesAt }, requestOptions, cancellationToken);

    /// <summary>Calls off a pause scheduled for the period end (<c>{"pause_at_period_end": false}</c>). Retried after transient failures.</summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public Task<Subscription> CancelScheduledPauseAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionPause { PauseAtPeriodEnd = false }, requestOptions, cancellationToken);

    /// <summary>
    /// Resumes a paused subscription now (<c>{"resume": true}</c>): a new period starts and is charged.
    /// Sent once (see <see cref="UpdateAsync"/>).
    /// </summary>
    /// <param name="id">The subscription id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarApiException">402 <c>PaymentFailed</c> or 409 <c>SubscriptionLocked</c>; see <see cref="UpdateAsync"/> for the rest.</exception>
    public Task<Subscription> ResumeAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, new SubscriptionResume(), requestOptions, cancellationToken);
}
