using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Products;

public sealed class ProductUpdateTests : EmulatorTest
{
    [Fact]
    public async Task A_new_price_list_archives_the_prices_it_leaves_out()
    {
        var ct = TestContext.Current.CancellationToken;
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        var old = product.Prices[0].Id;
        TakeWebhooks();
        Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await Polar.Products.UpdateAsync(product.Id, new ProductUpdate { Prices = [new ProductPriceFixedCreate { PriceAmount = 2500 }] }, cancellationToken: ct);

        var price = Assert.IsType<ProductPriceFixed>(Assert.Single(updated.Prices));
        Assert.Equal(2500, price.PriceAmount);
        Assert.NotEqual(old, price.Id);
        Assert.Equal(Clock.GetUtcNow(), updated.ModifiedAt);
        lock (Emulator.State.Gate)
        {
            var archived = Emulator.State.Products.FindPrice(old)!;
            Assert.True(archived.IsArchived);
            Assert.Equal(Clock.GetUtcNow(), archived.ModifiedAt);
        }

        AssertWebhooks("product.updated");
    }

    [Fact]
    public async Task An_existing_price_named_by_id_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        var meter = CatalogSetup.AddMeter(Emulator, "Calls");

        var updated = await Polar.Products.AddPriceAsync(product.Id, new ProductPriceMeteredUnitCreate { MeterId = meter.Id, UnitAmount = 0.25m }, cancellationToken: ct);

        Assert.Equal(2, updated.Prices.Count);
        Assert.Equal(product.Prices[0].Id, updated.Prices[0].Id);
        Assert.Equal(0.25m, Assert.IsType<ProductPriceMeteredUnit>(updated.Prices[1]).UnitAmount);

        var trimmed = await Polar.Products.ArchivePriceAsync(product.Id, updated.Prices[1].Id, cancellationToken: ct);

        Assert.Equal(product.Prices[0].Id, Assert.Single(trimmed.Prices).Id);
    }

    [Fact]
    public async Task A_price_id_of_another_product_does_not_exist_here()
    {
        var ct = TestContext.Current.CancellationToken;
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);
        var other = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Other", 3000), cancellationToken: ct);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/products/{product.Id}", $$"""{"prices": [{"id": "{{other.Prices[0].Id}}"}]}""");

        Assert.Equal(422, status);
        var issues = body!["detail"]!.AsArray();
        Assert.Equal("""["body","prices",0]""", issues[0]!["loc"]!.ToJsonString());
        Assert.Equal("Price does not exist.", (string?)issues[0]!["msg"]);
        Assert.Equal(other.Prices[0].Id, (string?)issues[0]!["input"]);
        Assert.Equal("At least one price is required.", (string?)issues[1]!["msg"]);
    }

    [Fact]
    public async Task Archiving_and_unarchiving_flip_is_archived()
    {
        var ct = TestContext.Current.CancellationToken;
        var product = await Polar.Products.CreateAsync(CatalogSetup.OneTime("Book", 1500), cancellationToken: ct);

        Assert.True((await Polar.Products.ArchiveAsync(product.Id, cancellationToken: ct)).IsArchived);
        Assert.False((await Polar.Products.UnarchiveAsync(product.Id, cancellationToken: ct)).IsArchived);

        AssertWebhooks("product.created", "product.updated", "product.updated");
    }

    [Fact]
    public async Task Fields_set_in_the_body_change_and_explicit_nulls_clear()
    {
        var ct = TestContext.Current.CancellationToken;
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: ct);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/products/{product.Id}", """
            {"name": "Pro plus", "description": "More of everything", "visibility": "draft", "metadata": {"plan": "pro"},
             "trial_interval": "week", "trial_interval_count": 2}
            """);
        Assert.Equal(200, status);
        Assert.Equal("Pro plus", (string?)body!["name"]);
        Assert.Equal("draft", (string?)body["visibility"]);
        Assert.Equal("pro", (string?)body["metadata"]!["plan"]);
        Assert.Equal("week", (string?)body["trial_interval"]);

        (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/products/{product.Id}", """{"description": null, "trial_interval": null, "trial_interval_count": null}""");

        Assert.Equal(200, status);
        Assert.Null(body!["description"]);
        Assert.Null(body["trial_interval"]);
        Assert.Equal("Pro plus", (string?)body["name"]);
    }

    [Fact]
    public async Task The_recurring_interval_cannot_change()
    {
        var product = await Polar.Products.CreateAsync(CatalogSetup.Monthly("Pro", 2000), cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/products/{product.Id}", """{"recurring_interval": "year"}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","recurring_interval"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Recurring interval cannot be changed.", (string?)issue["msg"]);
    }

    [Fact]
    public async Task A_one_time_product_cannot_get_a_trial()
    {
        var product = await Polar.Products.CreateAsync(CatalogSetup.OneTime("Book", 1500), cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/products/{product.Id}", """{"trial_interval": "day", "trial_interval_count": 7}""");

        Assert.Equal(422, status);
        var issues = body!["detail"]!.AsArray();
        Assert.Equal(["trial_interval", "trial_interval_count"], issues.Select(i => (string)i!["loc"]![1]!).ToArray());
        Assert.All(issues, i => Assert.Equal("Trial configuration is only supported on recurring products.", (string?)i!["msg"]));
    }

    [Fact]
    public async Task An_unknown_product_is_not_found()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, "/v1/products/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d", """{"name": "Nothing"}""");

        Assert.Equal(404, status);
        Assert.Equal("""{"error":"ResourceNotFound","detail":"Not found"}""", body!.ToJsonString());
        var (getStatus, _) = await SendAsync(HttpMethod.Get, "/v1/products/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d");
        Assert.Equal(404, getStatus);
    }

    [Fact]
    public async Task A_malformed_id_is_refused_before_any_lookup()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/products/not-a-uuid");

        Assert.Equal(422, status);
        Assert.Equal("RequestValidationError", (string?)body!["error"]);
        var issue = Assert.Single(body["detail"]!.AsArray())!;
        Assert.Equal("uuid_parsing", (string?)issue["type"]);
        Assert.Equal("""["path","id"]""", issue["loc"]!.ToJsonString());
    }
}
