using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Benefits;

public sealed class BenefitUpdateTests : EmulatorTest
{
    [Fact]
    public async Task Description_properties_and_visibility_change_and_are_announced()
    {
        var ct = TestContext.Current.CancellationToken;
        var custom = await Polar.Benefits.CreateCustomAsync("Support", "Old note", cancellationToken: ct);
        TakeWebhooks();
        Clock.Advance(TimeSpan.FromHours(1));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/benefits/{custom.Id}", """
            {"type": "custom", "description": "Priority support", "visibility": "private", "properties": {"note": "New note"}}
            """);

        Assert.Equal(200, status);
        Assert.Equal("Priority support", (string?)body!["description"]);
        Assert.Equal("private", (string?)body["visibility"]);
        Assert.Equal("New note", (string?)body["properties"]!["note"]);
        Assert.Equal(Clock.GetUtcNow(), body["modified_at"]!.GetValue<DateTimeOffset>());
        var updated = (BenefitUpdatedWebhookEvent)Assert.Single(AssertWebhooks("benefit.updated"));
        Assert.Equal("Priority support", updated.Data.Description);
    }

    [Fact]
    public async Task The_type_of_a_benefit_cannot_change()
    {
        var flag = await Polar.Benefits.CreateFeatureFlagAsync("API access", cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/benefits/{flag.Id}", """{"type": "custom", "description": "Other"}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","type"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Benefit type cannot be changed.", (string?)issue["msg"]);
        Assert.Equal("feature_flag", (string?)issue["input"]);
    }

    [Fact]
    public async Task A_meter_credit_update_checks_its_meter()
    {
        var meter = Products.CatalogSetup.AddMeter(Emulator, "Tokens");
        var credit = await Polar.Benefits.CreateMeterCreditAsync("Credits", meter.Id, 100, cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/benefits/{credit.Id}", """
            {"type": "meter_credit", "properties": {"units": 5, "rollover": false, "meter_id": "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"}}
            """);

        Assert.Equal(422, status);
        Assert.Equal("This meter does not exist.", (string?)body!["detail"]![0]!["msg"]);
        Assert.Equal(100, ((BenefitMeterCredit)await Polar.Benefits.GetAsync(credit.Id, cancellationToken: TestContext.Current.CancellationToken)).Properties.Units);
    }

    [Fact]
    public async Task An_unknown_benefit_is_not_found()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, "/v1/benefits/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d", """{"type": "custom", "description": "Nothing"}""");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }
}
