using System.Net;
using PolarBilling.Client;
using Xunit;

namespace PolarBilling.Emulator.Tests.Pages;

public sealed class PortalPlanTests : PageTest
{
    [Fact]
    public async Task With_next_period_as_the_organizations_default_a_plan_change_waits_for_the_period_end()
    {
        var (subscription, portalUrl) = await SubscribedAsync();
        var team = await MonthlyProductAsync("Team", 4900);
        var (status, _) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """
            {"subscription_settings": {"allow_multiple_subscriptions": false, "proration_behavior": "next_period",
             "benefit_revocation_grace_period": 0, "prevent_trial_abuse": false, "allow_customer_updates": true}}
            """);
        Assert.Equal(200, status);

        var changed = await PostPortalAsync(portalUrl, $"subscriptions/{subscription.Id}/product", ("product_id", team.Id));
        var portal = await GetPageAsync(changed.Location!);

        var after = await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((subscription.ProductId, team.Id), (after.ProductId, after.PendingUpdate?.ProductId));
        Assert.Contains("Your plan changes at the end of the current billing period.", portal.Html, StringComparison.Ordinal);
        Assert.Contains($"Changes to Team on {subscription.CurrentPeriodEnd:d MMM yyyy}", portal.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_public_recurring_products_are_offered_and_a_hidden_one_does_not_exist_for_the_customer()
    {
        var (subscription, portalUrl) = await SubscribedAsync();
        var team = await MonthlyProductAsync("Team", 4900);
        var secret = await Polar.Products.CreateAsync(
            new ProductCreateRecurring { Name = "Secret", RecurringInterval = RecurringInterval.Month, Visibility = ProductVisibility.Private, Prices = [new ProductPriceFixedCreate { PriceAmount = 100 }] },
            cancellationToken: TestContext.Current.CancellationToken);
        var ebook = await OneTimeProductAsync("Ebook");

        var portal = await GetPageAsync(portalUrl);
        var refused = await PostPortalAsync(portalUrl, $"subscriptions/{subscription.Id}/product", ("product_id", secret.Id));

        Assert.Contains($"<option value=\"{team.Id}\">Team</option>", portal.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Id, portal.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{ebook.Id}\"", portal.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Plan: Product does not exist.", refused.Html, StringComparison.Ordinal);
        Assert.Equal(subscription.ProductId, (await Polar.Subscriptions.GetAsync(subscription.Id, cancellationToken: TestContext.Current.CancellationToken)).ProductId);
    }

    [Fact]
    public async Task When_the_organization_turns_plan_changes_off_the_portal_neither_offers_nor_allows_them()
    {
        var (subscription, portalUrl) = await SubscribedAsync();
        var team = await MonthlyProductAsync("Team", 4900);
        var (status, _) = await SendAsync(HttpMethod.Patch, $"/v1/organizations/{Emulator.OrganizationId}", """
            {"customer_portal_settings": {"usage": {"show": true}, "subscription": {"update_seats": true, "update_plan": false}}}
            """);
        Assert.Equal(200, status);

        var portal = await GetPageAsync(portalUrl);
        var refused = await PostPortalAsync(portalUrl, $"subscriptions/{subscription.Id}/product", ("product_id", team.Id));

        Assert.DoesNotContain("Change plan", portal.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Updating subscription plan is not allowed.", refused.Html, StringComparison.Ordinal);
    }
}
