namespace PolarBilling.Emulator.Pages;

/// <summary>
/// The message the portal shows after an action redirected back to it. The redirect carries a code, never text, so
/// a link cannot make the portal say something it did not.
/// </summary>
internal static class PortalNotices
{
    public const string Canceled = "canceled";
    public const string Uncanceled = "uncanceled";
    public const string PlanChanged = "plan_changed";
    public const string PlanScheduled = "plan_scheduled";
    public const string CardReplaced = "card_replaced";
    public const string CardRecovered = "card_recovered";
    public const string InvoiceReady = "invoice_ready";

    public static string? Message(string? code) => code switch
    {
        Canceled => "Your subscription is canceled and ends at the end of the current billing period.",
        Uncanceled => "Your subscription continues: it is no longer set to end.",
        PlanChanged => "Your plan was changed.",
        PlanScheduled => "Your plan changes at the end of the current billing period.",
        CardReplaced => "Your card was replaced.",
        CardRecovered => "Your card was replaced and your overdue payment was charged.",
        InvoiceReady => "Your invoice is ready.",
        _ => null,
    };
}
