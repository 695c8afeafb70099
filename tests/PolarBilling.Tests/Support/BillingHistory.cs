using PolarBilling.Client;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Tests.Support;

/// <summary>One delivered webhook: its <c>webhook-id</c> and the typed event.</summary>
public sealed record DeliveredEvent(string WebhookId, PolarWebhookEvent Event);

/// <summary>
/// Builds a realistic event history from step codes, one list per customer: each customer subscribes (created +
/// active, sometimes with a trial), then every code is a step (cancel, uncancel, past due, recover, plan change,
/// renewal order, refund, revoke), each a minute after the last and emitting the events Polar emits for it.
/// </summary>
public static class BillingHistory
{
    public const int StepKinds = 8;

    public static List<DeliveredEvent> Build(IReadOnlyList<int[]> customers, string prefix = "h")
    {
        var events = new List<DeliveredEvent>();
        for (var c = 0; c < customers.Count; c++)
        {
            new Writer(events, $"{prefix}{c}").Write(customers[c]);
        }

        return events;
    }

    private sealed class Writer(List<DeliveredEvent> events, string id)
    {
        private int _minute;
        private int _orders;
        private string _product = "prod_basic";
        private SubscriptionStatus _status = SubscriptionStatus.Active;
        private bool _cancelAtPeriodEnd;

        private string SubscriptionId => $"sub_{id}";

        private string CustomerId => $"cus_{id}";

        public void Write(int[] steps)
        {
            var trial = steps.Length > 0 && steps[0] % 2 == 1;
            _status = trial ? SubscriptionStatus.Trialing : SubscriptionStatus.Active;
            Emit(WebhookEventTypes.SubscriptionCreated, WebhookEventTypes.SubscriptionActive);
            Order(paid: true);
            foreach (var step in steps)
            {
                if (_status == SubscriptionStatus.Canceled)
                {
                    return;
                }

                Step(step % StepKinds);
            }
        }

        private void Step(int step)
        {
            switch (step)
            {
                case 0 when !_cancelAtPeriodEnd:
                    _cancelAtPeriodEnd = true;
                    Emit(WebhookEventTypes.SubscriptionUpdated, WebhookEventTypes.SubscriptionCanceled);
                    break;
                case 1 when _cancelAtPeriodEnd:
                    _cancelAtPeriodEnd = false;
                    Emit(WebhookEventTypes.SubscriptionUpdated, WebhookEventTypes.SubscriptionUncanceled);
                    break;
                case 2 when _status != SubscriptionStatus.PastDue:
                    _status = SubscriptionStatus.PastDue;
                    Emit(WebhookEventTypes.SubscriptionUpdated, WebhookEventTypes.SubscriptionPastDue);
                    break;
                case 3 when _status == SubscriptionStatus.PastDue:
                    _status = SubscriptionStatus.Active;
                    Emit(WebhookEventTypes.SubscriptionUpdated);
                    Order(paid: true);
                    break;
                case 4:
                    _product = _product == "prod_basic" ? "prod_pro" : "prod_basic";
                    Emit(WebhookEventTypes.SubscriptionUpdated);
                    break;
                case 5:
                    Emit(WebhookEventTypes.SubscriptionCycled, WebhookEventTypes.SubscriptionUpdated);
                    Order(paid: true);
                    break;
                case 6 when _orders > 0:
                    Refund();
                    break;
                case 7:
                    _status = SubscriptionStatus.Canceled;
                    Emit(WebhookEventTypes.SubscriptionUpdated, WebhookEventTypes.SubscriptionCanceled, WebhookEventTypes.SubscriptionRevoked);
                    break;
                default:
                    Emit(WebhookEventTypes.SubscriptionUpdated);
                    break;
            }
        }

        private DateTimeOffset Next() => BillingEvents.Epoch.AddMinutes(++_minute);

        private void Emit(params string[] types)
        {
            var at = Next();
            foreach (var type in types)
            {
                var data = BillingEvents.Subscription(SubscriptionId, CustomerId, _product, _status, at, $"user_{id}", _cancelAtPeriodEnd);
                Add(BillingEvents.SubscriptionEvent(type, data, at));
            }
        }

        private void Order(bool paid)
        {
            var at = Next();
            var orderId = $"ord_{id}_{++_orders}";
            Add(new OrderCreatedWebhookEvent(BillingEvents.Order(orderId, CustomerId, SubscriptionId, false, at), at));
            at = Next();
            Add(new OrderUpdatedWebhookEvent(BillingEvents.Order(orderId, CustomerId, SubscriptionId, paid, at), at));
            Add(new OrderPaidWebhookEvent(BillingEvents.Order(orderId, CustomerId, SubscriptionId, paid, at), at));
        }

        private void Refund()
        {
            var at = Next();
            var orderId = $"ord_{id}_{_orders}";
            var refundId = $"ref_{id}_{_orders}_{_minute}";
            Add(new RefundCreatedWebhookEvent(BillingEvents.Refund(refundId, orderId, CustomerId, RefundStatus.Pending, at), at));
            at = Next();
            Add(new RefundUpdatedWebhookEvent(BillingEvents.Refund(refundId, orderId, CustomerId, RefundStatus.Succeeded, at), at));
            Add(new OrderRefundedWebhookEvent(BillingEvents.Order(orderId, CustomerId, SubscriptionId, true, at, refunded: 1500), at));
        }

        private void Add(PolarWebhookEvent e) => events.Add(new DeliveredEvent($"msg_{id}_{events.Count}", e));
    }
}
