using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// The customer session Polar opens when a checkout is confirmed (<c>customer_session_token</c> in the answer), so
/// the confirmation page can link to the customer portal: a <c>polar_cst_</c> token valid one hour.
/// </summary>
internal static class CheckoutSessions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Stores a new session for <paramref name="customer"/>; returns its token.</summary>
    public static string Create(EmulatorState state, Customer customer)
    {
        var token = PolarTokens.Generate(PolarTokens.CustomerSession);
        var email = Customers.CustomerEngine.EmailOf(customer);
        state.CustomerSessions.Add(new CustomerSession
        {
            Id = PolarTokens.NewId(),
            CreatedAt = state.Now,
            Token = token,
            ExpiresAt = state.Now + Lifetime,
            CustomerPortalUrl = $"{state.BaseUrl}{state.Organization.Slug}/portal?customer_session_token={token}&email={Uri.EscapeDataString(email ?? string.Empty)}",
            CustomerId = customer.Id,
            Customer = customer,
        });
        return token;
    }
}
