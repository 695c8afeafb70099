using PolarBilling.Client;
using PolarBilling.Emulator.Customers;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// Who a portal request acts for: the customer of a live customer session (Polar's <c>polar_cst_</c> token, from
/// <c>POST /v1/customer-sessions/</c> or a confirmed checkout). Unknown, expired or deleted-customer sessions get
/// nothing, and every object a request names must be that customer's. Call under the state lock.
/// </summary>
internal sealed record PortalAccess(string Token, Customer Customer, CustomerSession Session)
{
    public const string TokenField = "customer_session_token";

    public const string Purpose = "portal";

    /// <summary>The customer the token acts for, or <see langword="null"/> when it does not (the page answers 401).</summary>
    public static PortalAccess? Find(EmulatorState state, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var session = state.CustomerSessions.All.FirstOrDefault(s => string.Equals(s.Token, token, StringComparison.Ordinal));
        if (session is null || session.ExpiresAt <= state.Now)
        {
            return null;
        }

        return CustomerEngine.Find(state, session.CustomerId) is { } customer ? new PortalAccess(token, customer, session) : null;
    }

    /// <summary>The customer's subscription with this id; another customer's is as unknown as a missing one.</summary>
    public Subscription? Subscription(EmulatorState state, string id) =>
        state.Subscriptions.Find(id) is { } subscription && subscription.CustomerId == Customer.Id ? subscription : null;

    /// <summary>The customer's order with this id, or <see langword="null"/>.</summary>
    public Order? Order(EmulatorState state, string id) =>
        state.Orders.Find(id) is { } order && order.CustomerId == Customer.Id ? order : null;

    /// <summary>The portal's own address for this session, with an optional notice code.</summary>
    public string Url(EmulatorState state, string? notice = null) =>
        $"/{Uri.EscapeDataString(state.Organization.Slug)}/portal?{TokenField}={Uri.EscapeDataString(Token)}" + (notice is null ? string.Empty : "&notice=" + notice);

    /// <summary>The hidden fields every portal form carries: the session token and the form token derived from it.</summary>
    public string Fields() =>
        $"<input type=\"hidden\" name=\"{TokenField}\" value=\"{PageLayout.Encode(Token)}\">" + FormTokens.Field(Purpose, Token);
}
