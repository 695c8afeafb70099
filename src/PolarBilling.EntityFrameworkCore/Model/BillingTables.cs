using System.Text;
using PolarBilling.Inbox;
using PolarBilling.Notifications;
using PolarBilling.Store;
using PolarBilling.Usage;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Table names and the snake_case column convention, shared by the model and the raw SQL of the inbox and dispatcher.</summary>
internal static class BillingTables
{
    public const string Customers = "billing_customers";
    public const string Subscriptions = "billing_subscriptions";
    public const string Orders = "billing_orders";
    public const string BenefitGrants = "billing_benefit_grants";
    public const string WebhookEvents = "billing_webhook_events";
    public const string Notifications = "billing_notifications";
    public const string UsageWindows = "billing_usage_windows";
    public const string UsageAlerts = "billing_usage_alerts";

    public static readonly Type[] EntityTypes =
    [
        typeof(BillingCustomer), typeof(BillingSubscription), typeof(BillingOrder), typeof(BillingBenefitGrant),
        typeof(WebhookInboxEntry), typeof(BillingNotification), typeof(UsageWindow), typeof(UsageAlert),
    ];

    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
