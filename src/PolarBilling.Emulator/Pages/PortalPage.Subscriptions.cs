using System.Text;
using PolarBilling.Client;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;
using static PolarBilling.Emulator.Pages.PageLayout;

namespace PolarBilling.Emulator.Pages;

/// <content>Subscriptions: those Polar's portal lists (started ones, newest first) with the actions their state allows.</content>
internal static partial class PortalPage
{
    /// <summary>The products a subscription can move to from the portal: recurring, public, not archived (Polar's <c>allowed_visibilities</c>).</summary>
    public static IEnumerable<Product> PlanChoices(EmulatorState state, Subscription subscription) =>
        state.Products.All.Where(p => p.IsRecurring && !p.IsArchived && p.Visibility == ProductVisibility.Public && p.Id != subscription.ProductId);

    /// <summary>Whether the organization lets customers change plans in the portal (<c>customer_portal_settings.subscription.update_plan</c>).</summary>
    public static bool PlanChangeAllowed(EmulatorState state) =>
        state.OrganizationProfile.Current.CustomerPortalSettings?.Subscription?.UpdatePlan ?? true;

    private static void Subscriptions(StringBuilder html, EmulatorState state, PortalAccess access)
    {
        var subscriptions = state.Subscriptions.All
            .Where(s => s.CustomerId == access.Customer.Id && s.StartedAt is not null)
            .OrderByDescending(s => s.StartedAt).ToList();
        html.Append("<section class=\"card subscriptions\"><h2>Subscriptions</h2>");
        if (subscriptions.Count == 0)
        {
            html.Append("<p class=\"muted\">No subscriptions.</p>");
        }

        foreach (var subscription in subscriptions)
        {
            Subscription(html, state, access, subscription);
        }

        html.Append("</section>");
    }

    private static void Subscription(StringBuilder html, EmulatorState state, PortalAccess access, Subscription subscription)
    {
        var status = subscription.Status.Value;
        html.Append("<div class=\"subscription\" id=\"subscription-").Append(Encode(subscription.Id)).Append("\"><p><strong class=\"plan\">")
            .Append(Encode(state.Products.Find(subscription.ProductId)?.Name ?? "Subscription")).Append("</strong> <span class=\"badge status ").Append(Encode(status)).Append("\">")
            .Append(Encode(status.Replace('_', ' '))).Append("</span><br><span class=\"amount\">")
            .Append(Money(subscription.Amount, subscription.Currency)).Append(" / ").Append(Encode(Every(subscription.RecurringInterval.Value, subscription.RecurringIntervalCount)))
            .Append("</span><br><span class=\"period muted\">").Append(Encode(Period(subscription))).Append("</span>");
        if (subscription.PendingUpdate is { ProductId: { } pendingProduct } pending)
        {
            html.Append("<br><span class=\"pending muted\">Changes to ").Append(Encode(state.Products.Find(pendingProduct)?.Name)).Append(" on ").Append(Date(pending.AppliesAt)).Append("</span>");
        }

        html.Append("</p><div class=\"actions\">");
        var path = $"subscriptions/{Uri.EscapeDataString(subscription.Id)}/";
        if (SubscriptionStates.CanCancel(subscription, immediately: false))
        {
            html.Append(Form(state, access, path + "cancel", "Cancel subscription", "danger"));
        }

        if (subscription.CancelAtPeriodEnd && subscription.EndedAt is null && SubscriptionStates.IsBillable(subscription.Status))
        {
            html.Append(Form(state, access, path + "uncancel", "Don't cancel"));
        }

        var choices = PlanChoices(state, subscription).ToList();
        if (SubscriptionStates.IsBillable(subscription.Status) && !subscription.CancelAtPeriodEnd && PlanChangeAllowed(state) && choices.Count > 0)
        {
            html.Append("<form method=\"post\" action=\"").Append(Action(state, path + "product")).Append("\" class=\"inline\">").Append(access.Fields())
                .Append("<select name=\"product_id\" aria-label=\"New plan\">");
            foreach (var product in choices)
            {
                html.Append("<option value=\"").Append(Encode(product.Id)).Append("\">").Append(Encode(product.Name)).Append("</option>");
            }

            html.Append("</select><button type=\"submit\">Change plan</button></form>");
        }

        html.Append("</div></div>");
    }

    private static string Period(Subscription subscription) => subscription switch
    {
        { EndedAt: { } ended } => $"Ended on {Date(ended)}",
        { CancelAtPeriodEnd: true } => $"Cancels at the end of the period, on {Date(subscription.EndsAt ?? subscription.CurrentPeriodEnd)}",
        { TrialEnd: { } trialEnd } when subscription.Status == SubscriptionStatus.Trialing => $"Trial ends on {Date(trialEnd)}",
        { Status.Value: "past_due" } => $"Payment overdue; current period ends on {Date(subscription.CurrentPeriodEnd)}",
        _ => $"Renews on {Date(subscription.CurrentPeriodEnd)}",
    };
}
