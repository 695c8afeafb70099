using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Store;

namespace PolarBilling.Projection;

/// <summary>
/// Applies Polar events to the billing rows. Pure logic over an <see cref="IBillingProjectionStore"/>: it upserts by
/// Polar id, ignores data older than what is stored (<c>modified_at</c>, else <c>created_at</c>, then the envelope
/// timestamp), creates a customer row when a subscription or order arrives first, links the app user through
/// <c>external_id</c>, never drops an event because a related row is missing, and records the app notifications the
/// event implies. Any delivery order of the same set of events, with any duplicates, ends in the same rows.
/// </summary>
public sealed partial class BillingProjector
{
    /// <summary>The <see cref="Notifications.BillingNotification.SourceEventId"/> of changes found by reconciliation.</summary>
    public const string ReconciliationEventId = "reconciliation";

    private readonly TimeProvider _time;

    /// <summary>Creates a projector.</summary>
    /// <param name="timeProvider">The clock for <see cref="BillingRow.UpdatedAt"/>; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public BillingProjector(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Applies one webhook event.</summary>
    /// <param name="webhookEvent">The parsed event.</param>
    /// <param name="eventId">Its <c>webhook-id</c>: part of the idempotency key of the notifications it causes.</param>
    /// <param name="store">The unit of work to read and write.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<ProjectionOutcome> ApplyAsync(
        PolarWebhookEvent webhookEvent, string eventId, IBillingProjectionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(store);
        var scope = new ProjectionScope(eventId, webhookEvent.Type, webhookEvent.Timestamp, store, _time.GetUtcNow(), cancellationToken);
        return webhookEvent switch
        {
            CustomerCreatedWebhookEvent e => await UpsertCustomerAsync(CustomerSnapshot.From(e.Data), scope).ConfigureAwait(false),
            CustomerUpdatedWebhookEvent e => await UpsertCustomerAsync(CustomerSnapshot.From(e.Data), scope).ConfigureAwait(false),
            CustomerDeletedWebhookEvent e => await UpsertCustomerAsync(DeletedSnapshot(e), scope).ConfigureAwait(false),
            CustomerStateChangedWebhookEvent e => await UpsertCustomerAsync(CustomerSnapshot.From(e.Data), scope).ConfigureAwait(false),
            PolarWebhookEvent<Subscription> e => await ApplySubscriptionAsync(e.Data, scope).ConfigureAwait(false),
            PolarWebhookEvent<Order> e => await ApplyOrderAsync(e.Data, scope).ConfigureAwait(false),
            PolarWebhookEvent<Refund> e => await ApplyRefundAsync(e.Data, scope).ConfigureAwait(false),
            PolarWebhookEvent<BenefitGrantWebhook> e => await ApplyBenefitGrantAsync(e.Data, BenefitTypeReader.Read(e.RawJson), scope).ConfigureAwait(false),
            CheckoutUpdatedWebhookEvent e => await ApplyCheckoutAsync(e.Data, scope).ConfigureAwait(false),
            _ => ProjectionOutcome.NotProjected,
        };
    }

    /// <summary>Applies a subscription read from Polar's API (reconciliation): no event-type notifications, transitions only.</summary>
    /// <returns>Whether the stored row changed (was missing or older).</returns>
    public async Task<ProjectionOutcome> ApplySubscriptionAsync(Subscription subscription, IBillingProjectionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(store);
        return await ApplySubscriptionAsync(subscription, ApiScope(store, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Applies an order read from Polar's API (reconciliation).</summary>
    public async Task<ProjectionOutcome> ApplyOrderAsync(Order order, IBillingProjectionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(store);
        return await ApplyOrderAsync(order, ApiScope(store, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Applies a customer read from Polar's API (reconciliation).</summary>
    public async Task<ProjectionOutcome> ApplyCustomerAsync(Customer customer, IBillingProjectionStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(store);
        return await UpsertCustomerAsync(CustomerSnapshot.From(customer), ApiScope(store, cancellationToken)).ConfigureAwait(false);
    }

    private ProjectionScope ApiScope(IBillingProjectionStore store, CancellationToken cancellationToken) =>
        new(ReconciliationEventId, null, null, store, _time.GetUtcNow(), cancellationToken);

    private static CustomerSnapshot DeletedSnapshot(CustomerDeletedWebhookEvent e)
    {
        // Polar's payload may still say deleted_at = null; the event itself is the fact.
        var snapshot = CustomerSnapshot.From(e.Data);
        return snapshot with { DeletedAt = snapshot.DeletedAt ?? e.Data.ModifiedAt ?? e.Timestamp };
    }
}
