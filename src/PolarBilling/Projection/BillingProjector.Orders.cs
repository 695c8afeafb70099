using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.Projection;

public sealed partial class BillingProjector
{
    private static async Task<ProjectionOutcome> ApplyOrderAsync(Order data, ProjectionScope scope)
    {
        RequiredData.Check(data, scope);
        var customer = await UpsertEmbeddedCustomerAsync(
            data.Customer is null ? null : CustomerSnapshot.From(data.Customer), data.CustomerId, scope).ConfigureAwait(false);
        var version = scope.VersionOf(data.ModifiedAt, data.CreatedAt);
        if (scope.Is(WebhookEventTypes.OrderPaid) && data.Paid)
        {
            // An order is paid once; the key is the order, so a redelivery or a reconciliation never repeats it.
            await new NotificationRecorder(scope, customer, data.Id, version).RecordAsync(
                BillingNotificationKind.PaymentSucceeded, $"payment_succeeded:{data.Id}", n =>
                {
                    n.ProductId = data.ProductId;
                    n.Amount = data.TotalAmount;
                    n.Currency = data.Currency.ToLowerInvariant();
                }).ConfigureAwait(false);
        }

        var row = await scope.Store.FindOrderAsync(data.Id, scope.CancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            row = new BillingOrder { Id = data.Id };
            scope.Store.Add(row);
        }

        // The first time Polar says "paid" is kept whatever the delivery order: the minimum over every paid version seen.
        if (data.Paid && (row.PaidAt is null || version.Data < row.PaidAt))
        {
            row.PaidAt = version.Data;
            row.RowVersion++;
        }

        if (row.PolarModifiedAt is not null && !version.Supersedes(row))
        {
            return ProjectionOutcome.Stale;
        }

        row.CustomerId = data.CustomerId;
        row.SubscriptionId = data.SubscriptionId;
        row.ProductId = data.ProductId;
        row.Status = data.Status.Value;
        row.BillingReason = data.BillingReason.Value;
        row.SubtotalAmount = data.SubtotalAmount;
        row.DiscountAmount = data.DiscountAmount;
        row.TaxAmount = data.TaxAmount;
        row.TotalAmount = data.TotalAmount;
        row.RefundedAmount = data.RefundedAmount;
        row.Currency = data.Currency.ToLowerInvariant();
        row.Paid = data.Paid;
        row.InvoiceNumber = data.InvoiceNumber;
        version.StampOnto(row, scope.Now);
        return ProjectionOutcome.Applied;
    }

    private static async Task<ProjectionOutcome> ApplyRefundAsync(Refund data, ProjectionScope scope)
    {
        // Refund amounts reach the order through order.refunded/order.updated; a refund only adds its notification.
        var customer = await EnsureCustomerAsync(data.CustomerId, scope).ConfigureAwait(false);
        if (data.Status != RefundStatus.Succeeded)
        {
            return ProjectionOutcome.NotProjected;
        }

        var version = scope.VersionOf(data.ModifiedAt, data.CreatedAt);
        await new NotificationRecorder(scope, customer, data.Id, version).RecordAsync(BillingNotificationKind.Refunded, $"refunded:{data.Id}", n =>
        {
            n.Amount = data.Amount;
            n.Currency = data.Currency.ToLowerInvariant();
            n.ProductId = null;
        }).ConfigureAwait(false);
        return ProjectionOutcome.Applied;
    }
}
