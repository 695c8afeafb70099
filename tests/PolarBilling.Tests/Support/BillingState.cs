using System.Globalization;
using System.Text;
using PolarBilling.Notifications;
using PolarBilling.Store;

namespace PolarBilling.Tests.Support;

/// <summary>A canonical text of the projected rows (without local bookkeeping), to compare two stores' final states.</summary>
public static class BillingState
{
    public static string Describe(
        IEnumerable<BillingCustomer> customers, IEnumerable<BillingSubscription> subscriptions, IEnumerable<BillingOrder> orders, IEnumerable<BillingBenefitGrant> grants)
    {
        var text = new StringBuilder();
        foreach (var c in customers.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"C {c.Id} {c.UserId} {c.Email} {c.DeletedAt:O} {c.PolarModifiedAt:O}");
        }

        foreach (var s in subscriptions.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"S {s.Id} {s.CustomerId} {s.ProductId} {s.PlanKey} {s.Status} {s.Amount} {s.Currency} {s.CancelAtPeriodEnd} {s.PastDueAt:O} {s.CurrentPeriodEnd:O} {s.PolarModifiedAt:O} {s.EventTimestamp:O}");
        }

        foreach (var o in orders.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"O {o.Id} {o.CustomerId} {o.SubscriptionId} {o.Status} {o.Paid} {o.PaidAt:O} {o.TotalAmount} {o.RefundedAmount} {o.PolarModifiedAt:O}");
        }

        foreach (var g in grants.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"G {g.Id} {g.CustomerId} {g.BenefitId} {g.BenefitType} {g.IsGranted} {g.IsRevoked} {g.PolarModifiedAt:O}");
        }

        return text.ToString();
    }

    /// <summary>Notifications recorded for facts events state by their type (not transitions seen against older state).</summary>
    public static bool IsEventDriven(BillingNotificationKind kind) =>
        kind is not (BillingNotificationKind.PlanChanged or BillingNotificationKind.SubscriptionRecovered);

    public static string DescribeInMemory(InMemoryBillingStore store) =>
        Describe(store.Customers.Values, store.Subscriptions.Values, store.Orders.Values, store.Grants.Values);
}
