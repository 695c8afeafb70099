using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Discounts;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Discounts;

public sealed class DiscountUpdateTests : EmulatorTest
{
    [Fact]
    public async Task Set_fields_change_and_are_announced()
    {
        var id = await CreateAsync("""{"type": "percentage", "name": "Launch", "code": "LAUNCH", "basis_points": 1000, "duration": "once"}""");
        Clock.Advance(TimeSpan.FromMinutes(1));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"name": "Launch week", "basis_points": 1500, "code": null, "max_redemptions": 10}""");

        Assert.Equal(200, status);
        Assert.Equal("Launch week", (string?)body!["name"]);
        Assert.Equal(1500, (long)body["basis_points"]!);
        Assert.Null(body["code"]);
        Assert.Equal(10, (long)body["max_redemptions"]!);
        var updated = (DiscountUpdatedWebhookEvent)Assert.Single(AssertWebhooks("discount.updated"));
        Assert.Equal(Clock.GetUtcNow(), updated.Data.ModifiedAt);
    }

    [Fact]
    public async Task Duration_and_type_cannot_change()
    {
        var id = await CreateAsync("""{"type": "percentage", "name": "Launch", "basis_points": 1000, "duration": "once"}""");

        var (durationStatus, duration) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"duration": "forever"}""");
        var (typeStatus, type) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"type": "fixed", "amount": 100}""");

        Assert.Equal(422, durationStatus);
        Assert.Equal("Duration cannot be changed.", (string?)duration!["detail"]![0]!["msg"]);
        Assert.Equal(422, typeStatus);
        Assert.Equal("""["body","type"]""", type!["detail"]![0]!["loc"]!.ToJsonString());
    }

    [Fact]
    public async Task A_redeemed_discount_keeps_its_amount()
    {
        var id = await CreateAsync("""{"type": "fixed", "name": "Ten off", "amount": 1000, "duration": "once"}""");
        lock (Emulator.State.Gate)
        {
            DiscountRules.Redeem(Emulator.State, Emulator.State.Discounts.Get(id));
        }

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"amount": 500, "currency": "usd"}""");
        var (renamed, _) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"name": "Still ten off"}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("""["body","amount"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("This field cannot be changed because the discount has already been redeemed.", (string?)issue["msg"]);
        Assert.Equal(200, renamed);
    }

    [Fact]
    public async Task A_code_taken_by_another_discount_is_refused()
    {
        await CreateAsync("""{"type": "percentage", "name": "A", "code": "TAKEN", "basis_points": 1000, "duration": "once"}""");
        var id = await CreateAsync("""{"type": "percentage", "name": "B", "code": "MINE", "basis_points": 1000, "duration": "once"}""");

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"code": "taken"}""");
        var (same, _) = await SendAsync(HttpMethod.Patch, $"/v1/discounts/{id}", """{"code": "mine"}""");

        Assert.Equal(422, status);
        Assert.Equal("Discount with this code already exists.", (string?)body!["detail"]![0]!["msg"]);
        Assert.Equal(200, same);
    }

    [Fact]
    public async Task An_unknown_discount_is_not_found()
    {
        var (status, body) = await SendAsync(HttpMethod.Patch, "/v1/discounts/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d", """{"name": "Nothing"}""");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }

    private async Task<string> CreateAsync(string json)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/discounts/", json);
        Assert.Equal(201, status);
        TakeWebhooks();
        return (string)body!["id"]!;
    }
}
