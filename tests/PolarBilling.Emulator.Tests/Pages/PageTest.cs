using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Checkouts;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

/// <summary>
/// Base of the hosted page tests: a browser-like client that does not follow redirects (so each 303 is seen), reads
/// the pages' HTML and posts their forms as <c>application/x-www-form-urlencoded</c>, with the form token taken
/// from the page as a browser would send it.
/// </summary>
public abstract class PageTest : CheckoutFlowTest
{
    private HttpClient? _browser;

    /// <summary>The "browser": no bearer token, no cookies, no automatic redirects.</summary>
    protected HttpClient Browser => _browser ??= new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Emulator.BaseUrl };

    public override async ValueTask DisposeAsync()
    {
        _browser?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page as the browser gets it.</summary>
    protected async Task<Page> GetPageAsync(string url)
    {
        using var response = await Browser.GetAsync(url, TestContext.Current.CancellationToken);
        return await Page.ReadAsync(response);
    }

    /// <summary>Posts a form, the fields in order (a repeated name is allowed).</summary>
    protected async Task<Page> PostFormAsync(string url, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await Browser.PostAsync(url, content, TestContext.Current.CancellationToken);
        return await Page.ReadAsync(response);
    }

    /// <summary>Loads the checkout's page, then posts its form with <paramref name="fields"/> and the page's form token.</summary>
    protected async Task<Page> SubmitCheckoutAsync(Checkout checkout, params (string Name, string Value)[] fields)
    {
        var page = await GetPageAsync(checkout.Url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await PostFormAsync(checkout.Url, [.. fields, ("csrf", page.FormToken)]);
    }

    /// <summary>The fields of a complete US customer paying with <paramref name="card"/>.</summary>
    protected static (string, string)[] Customer(string card = "4242 4242 4242 4242", string email = "ada@example.com", string name = "Ada Lovelace") =>
    [
        ("action", "pay"), ("customer_email", email), ("customer_name", name), ("card_number", card),
        ("country", "US"), ("line1", "1 Main St"), ("city", "Springfield"), ("postal_code", "94107"), ("state", "CA"),
    ];

    /// <summary>Opens a customer portal session through <c>POST /v1/customer-sessions/</c>; returns its portal URL.</summary>
    protected async Task<string> PortalUrlAsync(string customerId, string? returnUrl = null)
    {
        var body = new JsonObject { ["customer_id"] = customerId };
        if (returnUrl is not null)
        {
            body["return_url"] = returnUrl;
        }

        var (status, session) = await SendAsync(HttpMethod.Post, "/v1/customer-sessions/", body.ToJsonString());
        Assert.Equal(201, status);
        return (string)session!["customer_portal_url"]!;
    }

    /// <summary>Posts a portal form: the page's session token and form token, plus <paramref name="fields"/>.</summary>
    protected async Task<Page> PostPortalAsync(string portalUrl, string action, params (string Name, string Value)[] fields)
    {
        var portal = await GetPageAsync(portalUrl);
        Assert.Equal(HttpStatusCode.OK, portal.Status);
        var token = Token(portalUrl);
        var path = new Uri(portalUrl).AbsolutePath + "/" + action;
        return await PostFormAsync(path, [("customer_session_token", token), ("csrf", portal.FormToken), .. fields]);
    }

    protected static string Token(string portalUrl) => Regex.Match(portalUrl, "customer_session_token=([^&]+)").Groups[1].Value;

    protected async Task<Subscription> SubscriptionOfAsync(string checkoutId)
    {
        var subscriptions = await Polar.Subscriptions.ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        return Assert.Single(subscriptions.Items, s => s.CheckoutId == checkoutId);
    }

    /// <summary>A customer who paid a monthly Pro plan on the hosted page, and their portal URL; the webhooks so far are taken.</summary>
    protected async Task<(Subscription Subscription, string PortalUrl)> SubscribedAsync()
    {
        var checkout = await CheckoutAsync(await MonthlyProductAsync("Pro", 1500));
        var paid = await SubmitCheckoutAsync(checkout, Customer());
        Assert.Equal(HttpStatusCode.SeeOther, paid.Status);
        var subscription = await SubscriptionOfAsync(checkout.Id);
        var portalUrl = await PortalUrlAsync(subscription.CustomerId);
        TakeWebhooks();
        return (subscription, portalUrl);
    }
}
